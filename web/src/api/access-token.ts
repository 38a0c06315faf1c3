const KEY = 'pathfinder.token';

/** The caller's bearer token for this browser tab (session storage: gone when the tab closes). */
export const accessToken = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (token: string | null) => (token ? sessionStorage.setItem(KEY, token) : sessionStorage.removeItem(KEY)),
};
