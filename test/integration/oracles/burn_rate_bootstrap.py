# Independent re-implementation of the burn-rate bootstrap (mulberry32, 2,000 resamples, P10/P90
# by linear interpolation) to check the forecast range in budget-status.test.ts. Run: /usr/bin/python3 burn_rate_bootstrap.py
import math, sys
def mulberry32(seed):
    state = seed & 0xFFFFFFFF
    def nxt():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
    return nxt
def q(sorted_, p):
    pos = (len(sorted_) - 1) * p
    lo = math.floor(pos); hi = min(lo + 1, len(sorted_) - 1)
    return sorted_[lo] + (sorted_[hi] - sorted_[lo]) * (pos - lo)
def rate(daily, seed=20220329, resamples=2000):
    n = len(daily); mean = sum(daily) / n
    rng = mulberry32(seed); means = []
    for _ in range(resamples):
        s = 0
        for _ in range(n): s += daily[math.floor(rng() * n)]
        means.append(s / n)
    means.sort()
    return mean, min(q(means, 0.1), mean), max(q(means, 0.9), mean)
daily = [0] * 20
daily[1] = 100_000; daily[4] = 10_000; daily[9] = 20_000; daily[13] = 4_000; daily[14] = 6_000
mean, low, high = rate(daily)
remaining = 400_000 - 140_000 - 54_000
print('mean', mean, 'low', low, 'high', high)
print('days point', math.ceil(remaining / mean - 1e-9), 'earliest', math.ceil(remaining / high - 1e-9), 'latest', math.ceil(remaining / low - 1e-9))
