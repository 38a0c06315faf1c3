"""Reference values for `interruptedTimeSeries` (metrics/src/stats/its/), computed by statsmodels.

Segmented regression y = b0 + b1*t + b2*D + b3*(t - t0)*D, t = 0..n-1, D = 1 from t0 on, fitted by
OLS with Newey-West (HAC) standard errors: Bartlett kernel, no small-sample correction, normal 95%
limits, exactly as issue 18 specifies:
    OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": False}, use_t=False)

Run: python3 its_statsmodels.py > its_statsmodels.csv (statsmodels 0.13.5, numpy 1.24.2 on Debian 12).
The series are drawn from a fixed seed and written with repr() precision, so the TypeScript test
reads exactly the inputs statsmodels saw.
"""
import csv
import math
import sys

import numpy as np
import statsmodels.api as sm

rng = np.random.default_rng(20221013)


def default_maxlags(n):
    return math.floor(4 * (n / 100) ** (2 / 9))


def case(name, y, t0, maxlags):
    n = len(y)
    t = np.arange(n, dtype=float)
    d = (t >= t0).astype(float)
    x = np.column_stack([np.ones(n), t, d, (t - t0) * d])
    fit = sm.OLS(np.asarray(y, dtype=float), x).fit(cov_type="HAC", cov_kwds={"maxlags": maxlags, "use_correction": False}, use_t=False)
    ci = fit.conf_int(alpha=0.05)
    resid = fit.resid
    lag1 = float(np.sum(resid[1:] * resid[:-1]) / np.sum(resid * resid))
    return {
        "case": name,
        "values": " ".join(repr(float(v)) for v in y),
        "intervention": t0,
        "maxlags": maxlags,
        **{f"{k}": repr(float(fit.params[i])) for i, k in enumerate(["baseline", "pre_slope", "level_change", "slope_change"])},
        **{f"{k}_se": repr(float(fit.bse[i])) for i, k in enumerate(["baseline", "pre_slope", "level_change", "slope_change"])},
        **{f"{k}_lower95": repr(float(ci[i][0])) for i, k in enumerate(["baseline", "pre_slope", "level_change", "slope_change"])},
        **{f"{k}_upper95": repr(float(ci[i][1])) for i, k in enumerate(["baseline", "pre_slope", "level_change", "slope_change"])},
        "residual_lag1": repr(lag1),
    }


rows = []
# Coverage-like quarterly series with a drop at the intervention, as the 2022 IPV campaign example.
for n, t0, noise, ar in [(28, 17, 0.8, 0.0), (28, 17, 0.8, 0.6), (20, 10, 1.5, 0.3), (12, 6, 0.5, 0.0), (60, 30, 1.0, 0.5), (150, 75, 2.0, 0.2), (6, 3, 0.3, 0.0)]:
    e = np.zeros(n)
    shocks = rng.normal(0, noise, n)
    for i in range(n):
        e[i] = shocks[i] + (ar * e[i - 1] if i else 0.0)
    t = np.arange(n)
    y = 88 - 0.15 * t - 2.5 * (t >= t0) + 0.2 * np.maximum(0, t - t0) + e
    y = np.round(y, 3)
    for maxlags in sorted({default_maxlags(n), 0, 1, 3}):
        if maxlags < n - 4:
            rows.append(case(f"n{n}-t{t0}-ar{ar}-L{maxlags}", list(y), t0, maxlags))

writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
writer.writeheader()
writer.writerows(rows)
