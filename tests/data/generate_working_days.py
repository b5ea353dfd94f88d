#!/usr/bin/env python3
"""Writes tests/data/working-days.csv: deadlines computed independently of
casepack, for its engine to agree with row by row.

How: bank holidays come from the Python `holidays` package (pip install
holidays; rows were generated with 0.109), `holidays.UK(subdiv="ENG")`,
which is maintained separately from casepack's own data file. Working days
are every Monday-Friday that is not one of those holidays. The counting
rules are casepack's documented ones, written again here from the README:

  working_days_after N   step forward one day at a time; count working days; the Nth is the answer
  working_days_before N  the same, stepping backward
  days_after N           start + N calendar days; if that is not a working day, the last working day before it
  days_before N          start - N calendar days, then the same
  weeks_after N          start + 7N calendar days, then the same
  court_day N            Day 1 is the start if it is a working day, else the next working day; Day N is N-1 working days after Day 1

Rows: a fixed random seed picks start dates from 2019-01-01 to 2029-12-31
and N from each unit's usual range, plus every day from 10 December to
10 January and the fortnight around each Easter with N = 1, 5 and 10
working days, so that Christmas and Easter are always covered. Any row
whose answer would fall outside 2018-2030 (casepack's data) is skipped.

Run from the repository root: python3 tests/data/generate_working_days.py
"""

import csv
import datetime as dt
import random

import holidays

FIRST, LAST = 2018, 2030
HOLIDAYS = holidays.UK(subdiv="ENG", years=range(FIRST, LAST + 1))
ONE = dt.timedelta(days=1)


def working(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def step(start, n, delta):
    d = start
    while n > 0:
        d += delta
        if working(d):
            n -= 1
    return d


def on_or_before(d):
    while not working(d):
        d -= ONE
    return d


def answer(start, n, unit):
    if unit == "working_days_after":
        return step(start, n, ONE)
    if unit == "working_days_before":
        return step(start, n, -ONE)
    if unit == "days_after":
        return on_or_before(start + dt.timedelta(days=n))
    if unit == "days_before":
        return on_or_before(start - dt.timedelta(days=n))
    if unit == "weeks_after":
        return on_or_before(start + dt.timedelta(weeks=n))
    if unit == "court_day":
        day_one = start if working(start) else step(start, 1, ONE)
        return step(day_one, n - 1, ONE)
    raise ValueError(unit)


RANGES = {
    "working_days_after": (0, 25),
    "working_days_before": (0, 10),
    "days_after": (0, 200),
    "days_before": (0, 30),
    "weeks_after": (0, 30),
    "court_day": (1, 25),
}


def main():
    rng = random.Random(20261122)
    rows = []
    lo, hi = dt.date(2019, 1, 1), dt.date(2029, 12, 31)
    span = (hi - lo).days
    for unit, (a, b) in RANGES.items():
        for _ in range(300):
            start = lo + dt.timedelta(days=rng.randrange(span + 1))
            rows.append((start, rng.randint(a, b), unit))
    for year in range(2019, 2030):
        d = dt.date(year, 12, 10)
        while d <= dt.date(year + 1, 1, 10):
            for n in (1, 5, 10):
                rows.append((d, n, "working_days_after"))
            d += ONE
        good_friday = next(h for h, name in HOLIDAYS.items() if h.year == year and name == "Good Friday")
        d = good_friday - dt.timedelta(days=7)
        while d <= good_friday + dt.timedelta(days=7):
            for n in (1, 5, 10):
                rows.append((d, n, "working_days_after"))
            rows.append((d, 2, "working_days_before"))
            d += ONE
    with open("tests/data/working-days.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["start", "n", "unit", "expected"])
        kept = 0
        for start, n, unit in rows:
            try:
                got = answer(start, n, unit)
            except KeyError:
                continue
            if not (FIRST <= got.year <= LAST):
                continue
            w.writerow([start.isoformat(), n, unit, got.isoformat()])
            kept += 1
    print(f"wrote {kept} rows")


if __name__ == "__main__":
    main()
