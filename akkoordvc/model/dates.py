"""Days and moments: the one place that reads a date, knows what day it is, and writes a timestamp.

A day is written YYYY-MM-DD and nothing else (ISO week dates and the basic form 20230101 are refused,
though Python's own reader takes them). "Today" is the UTC calendar day, or the day AKKOORD_TODAY
names (demos, tests, recording a past day on a machine whose clock is off). A day stored as a moment
is noon UTC, the same calendar day everywhere in Europe. Amendment events record moments as
``YYYY-MM-DDTHH:MM:SSZ`` (schemas/amendment.xsd, type Moment).
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
import time

from ..errors import AkkoordError
from ..messages import Message

#: Set to YYYY-MM-DD to fix "today".
TODAY_ENV = "AKKOORD_TODAY"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = "%Y-%m-%dT%H:%M:%SZ"
#: a day written the Dutch way round, 04-07-2022 or 4/7/2022
_DAY_FIRST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")


def parse_day(text: str, what: str = "") -> dt.date:
    """The day `text` names (YYYY-MM-DD), or one line saying that `what` (e.g. "--date") is not a date."""
    if isinstance(text, str) and _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    problem = date_problem(text)
    raise AkkoordError(Message("model.date_of", what=what, problem=problem) if what else problem)


def date_problem(text: str) -> Message:
    """Why `text` is not a day written YYYY-MM-DD: for a day written day first (04-07-2022), the day it
    would be (did you mean 2022-07-04?)."""
    day_first = _DAY_FIRST.fullmatch(text.strip()) if isinstance(text, str) else None
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        try:
            meant = dt.date(year, month, day)
        except ValueError:
            pass
        else:
            return Message("model.date_day_first", text=text, suggestion=meant.isoformat())
    return Message("model.not_a_date", text=text)


def optional_day(text: str | None, what: str = "") -> dt.date | None:
    """`parse_day`, with None (an option not given, an attribute absent) passed through."""
    return None if text is None else parse_day(text, what)


def is_day(text: str) -> bool:
    """Whether `text` is a day written YYYY-MM-DD."""
    try:
        parse_day(text)
    except AkkoordError:
        return False
    return True


def today() -> dt.date:
    """Today's date (UTC), or AKKOORD_TODAY when set."""
    fixed = os.environ.get(TODAY_ENV)
    if fixed:
        try:
            return parse_day(fixed)
        except AkkoordError:
            raise AkkoordError.keyed("input.date.today_env", name=TODAY_ENV, value=fixed) from None
    return dt.datetime.now(dt.UTC).date()


def now() -> int:
    """Seconds since the epoch: the moment a command records when it is given no date."""
    return int(time.time())


def now_on(day: dt.date) -> int:
    """Now, as a moment of `day` (normally today): the clock's time when it is that day, else noon of `day` (a
    clock that is off, or AKKOORD_TODAY naming another day than the clock's)."""
    moment = now()
    return moment if dt.datetime.fromtimestamp(moment, dt.UTC).date() == day else noon(day)


def noon(day: dt.date) -> int:
    """Seconds since the epoch at noon UTC of `day`: how a day is stored as a moment."""
    return calendar.timegm(day.timetuple()) + 12 * 3600


def timestamp_for(date: str | None, what: str = "") -> int:
    """The moment of a --date option (noon UTC of that day), or now when it is not given."""
    return now() if date is None else noon(parse_day(date, what))


def moment_text(ts: int) -> str:
    """`ts` written as a UTC moment, e.g. 2022-07-04T12:00:00Z."""
    return time.strftime(_MOMENT, time.gmtime(ts))


def day_text(ts: int) -> str:
    """The UTC day of `ts`, YYYY-MM-DD."""
    return time.strftime("%Y-%m-%d", time.gmtime(ts))


def moment_seconds(text: str) -> int:
    """Seconds since the epoch of a moment written as `moment_text` writes it."""
    return calendar.timegm(time.strptime(text, _MOMENT))


def word_moment(date: str | None) -> str:
    """A UTC timestamp for a Word document's w:date: "2023-03-01" -> "2023-03-01T00:00:00Z"; an ISO 8601
    date-time is converted to UTC (no zone: UTC); None -> now. ValueError when `date` is neither."""
    if date is None:
        moment = dt.datetime.now(dt.UTC)
    else:
        text = date.strip()
        if _DAY.fullmatch(text):
            text += "T00:00:00"
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            raise ValueError(f"not an ISO 8601 date or date-time: {date!r}") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime(_MOMENT)
