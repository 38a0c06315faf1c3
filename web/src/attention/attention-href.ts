/**
 * An item's deep link as this page opens it: the API's link names the release it was asked for, so
 * it is dropped and set again only when the user chose a release (`release` absent follows the
 * current one, as every other link of the dashboard does).
 * @example attentionHref('/indicators/x?area=E09000012&release=r1', undefined) // '/indicators/x?area=E09000012'
 */
export function attentionHref(link: string, chosenRelease: string | undefined): string {
  const [path = '', query = ''] = link.split('?', 2);
  const search = new URLSearchParams(query);
  search.delete('release');
  if (chosenRelease !== undefined) search.set('release', chosenRelease);
  const rest = search.toString().replaceAll('+', '%20');
  return rest ? `${path}?${rest}` : path;
}
