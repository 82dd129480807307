"""The national record: every city of a collection of work reports, judged by its own next report.

:mod:`.build` turns a collection into the national dataset's files; :mod:`.cities` finds a city
by name; :mod:`.table` judges the national dataset with the columnar engine and sums it up per
city, per year and per measure.
"""
