#!/usr/bin/python3
"""Writes gen_prospects' NDJSON as the CSV a CRM would export (Python's csv module, RFC 4180):
one column a field, the generator's fields in its order, empty cells for absent or null ones.
The short and UTF-8 shapes write the same keys on every line: their first line's.

    bench/ndjson_to_csv.py < prospects.ndjson > prospects.csv
"""
import csv
import json
import sys

# Every field gen_prospects writes, deadline and group only on some rows.
FIELDS = ["id", "first_name", "last_name", "company", "title", "degree", "open_profile",
          "accepts_inmail", "pending_invitations", "rarely_accepts", "deadline", "goal",
          "mutual_connections", "timezone", "priority", "do_not_contact", "group", "headline",
          "notes", "last_activity", "email"]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


writer = csv.writer(sys.stdout, lineterminator="\r\n")
fields = None
for line in sys.stdin:
    record = json.loads(line)
    if fields is None:
        fields = FIELDS if "headline" in record else list(record)
        writer.writerow(fields)
    writer.writerow([cell(record.get(field)) for field in fields])
