"""SQL for ``event``, ``event_actor`` and ``event_source``."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app.actors import repository as actors_repo
from app.actors.models import Actor
from app.core.db import fetch, run, write, write_many
from app.events.models import EARTH_POINT, GRID_CELL, ROLES, Event, EventActor, EventSource
from app.sources.models import Source

_EVENT = Event.__table__  # type: ignore[attr-defined]
_EVENT_ACTOR = EventActor.__table__  # type: ignore[attr-defined]
_EVENT_SOURCE = EventSource.__table__  # type: ignore[attr-defined]


@dataclass
class EventQuery:
    """Validated filters of ``GET /events`` (see ``app.events.service.parse_filters``)."""

    actor: str | None = None
    actor_role: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    iso3: list[str] = field(default_factory=list)
    country_names: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    bbox_circle: tuple[float, float, float] | None = None  # lat, lon, metres: index pre-filter
    radius: tuple[float, float, float] | None = None  # lat, lon, metres
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    min_fatalities: int | None = None
    source_id: int | None = None
    updated_since: datetime | None = None
    after: tuple[date, int] | None = None
    limit: int = 100


# --- GET /events: the page statement as SQL text ----------------------------------------------
#
# The page is built as SQL text with numbered asyncpg parameters and run on the request's asyncpg
# connection (``db.fetch``): no SQLAlchemy construction, compilation or result processing per request
# (1.5-2.5 ms of CPU per page at 1M events, docs/performance.md). The text depends only on which
# filters are given (and how many values a list filter has: one value is ``= $n``, several
# ``= ANY($n)``), so asyncpg's statement cache holds one prepared statement per filter shape.


class _Params:
    """The numbered parameters of one statement: ``add`` returns the placeholder of a value."""

    def __init__(self) -> None:
        self.args: list[Any] = []

    def add(self, value: Any) -> str:
        self.args.append(value)
        return f"${len(self.args)}"


def _limit(n: int) -> str:
    """A page limit written into the statement as a literal, not a parameter. With ``LIMIT $n`` the
    planner cannot cost a generic plan (it assumes a tenth of the rows), so every execution of the
    prepared statement was planned again: 0.3-0.5 ms per page, 2-4 ms for a box's 20-48 cell scans.
    With the number in the text, Postgres' plan cache can keep one generic plan per statement when it
    costs no more than the custom ones (docs/performance.md, 2026-11-25). The text then varies with the
    page size too, but clients ask for few sizes (the default is 100, i.e. 101 rows)."""
    value = int(n)
    if value < 1:
        raise ValueError(f"a page limit must be positive, got {n!r}")
    return str(value)


def _one_of(p: _Params, expr: str, values: list[Any], sql_type: str = "text") -> str:
    """``expr`` equals one of ``values``: ``= $n`` for one value (an index can then still return its
    rows in order), ``= ANY($n)`` otherwise (none: matches nothing)."""
    if len(values) == 1:
        return f"{expr} = {p.add(values[0])}"
    return f"{expr} = ANY({p.add(list(values))}::{sql_type}[])"


def _conditions(
    q: EventQuery, p: _Params, ids: list[int] | None, *, through_links: bool = False, spatial: bool = True
) -> list[str]:
    """The WHERE conditions on ``event`` for ``q``; with ``through_links`` the actor, date and cursor
    conditions are left out because the ``event_actor`` scan (``_linked_page``) applies them; without
    ``spatial`` the bbox and radius conditions are left out (``_walk_conditions`` has them)."""
    conds: list[str] = []
    if q.actor and not through_links:
        linked = "SELECT ea.event_id FROM event_actor ea WHERE " + _one_of(
            p, "ea.actor_id", ids or [0], "bigint"
        )
        if q.actor_role:
            linked += f" AND ea.role = {p.add(q.actor_role)}"
        conds.append(f"event.id IN ({linked})")
    if q.date_from and not through_links:
        conds.append(f"event.event_date >= {p.add(q.date_from)}")
    if q.date_to and not through_links:
        conds.append(f"event.event_date <= {p.add(q.date_to)}")
    if q.iso3 or q.country_names:
        conds.append(
            f"({_one_of(p, 'event.iso3', q.iso3)} OR {_one_of(p, 'lower(event.country)', q.country_names)})"
        )
    for column, values in (
        ("admin1", q.admin1),
        ("location", q.location),
        ("event_type", q.event_type),
        ("sub_event_type", q.sub_event_type),
    ):
        if values:
            conds.append(_one_of(p, f"lower(event.{column})", [v.lower() for v in values]))
    if q.min_fatalities is not None:
        conds.append(f"event.fatalities >= {p.add(q.min_fatalities)}")
    if q.source_id is not None:
        conds.append(
            f"event.id IN (SELECT es.event_id FROM event_source es WHERE es.source_id = {p.add(q.source_id)})"
        )
    if q.updated_since is not None:
        conds.append(f"event.updated_at >= {p.add(q.updated_since)}")
    if (q.bbox or q.radius) and spatial:
        conds.append("event.latitude IS NOT NULL AND event.longitude IS NOT NULL")
    if q.bbox and spatial:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        conds.append(f"event.latitude BETWEEN {p.add(min_lat)} AND {p.add(max_lat)}")
        if min_lon <= max_lon:
            conds.append(f"event.longitude BETWEEN {p.add(min_lon)} AND {p.add(max_lon)}")
        else:  # the box crosses the antimeridian
            conds.append(f"(event.longitude >= {p.add(min_lon)} OR event.longitude <= {p.add(max_lon)})")
        if q.bbox_circle:
            conds.append(_within(p, *q.bbox_circle, exact=False))
    if q.radius and spatial:
        conds.append(_within(p, *q.radius, exact=True))
    if q.after and not through_links:
        conds.append(
            f"(event.event_date, event.id) < ({p.add(q.after[0])}::date, {p.add(q.after[1])}::bigint)"
        )
    return conds


def _within(p: _Params, lat: float, lon: float, metres: float, *, exact: bool) -> str:
    """Points within ``metres`` of (lat, lon): a GiST-indexed cube test (the index expression
    ``EARTH_POINT``), then the exact distance."""
    centre, radius = f"ll_to_earth({p.add(lat)}, {p.add(lon)})", p.add(metres)
    box = f"{EARTH_POINT} <@ earth_box({centre}, {radius})"
    if not exact:
        return box
    return f"{box} AND earth_distance({centre}, {EARTH_POINT}) <= {radius}"


# A box or radius over a hotspot holds tens of thousands of events, which the GiST index returns in
# no useful order (all fetched, then sorted: 0.15-0.55 s at 1M). Reading the date index newest first
# and testing the place stops after one page when the area holds a fair share of the events. The
# walk is bounded to WALK_ROWS_PER_ROW rows per page row (an area with 1% of the events fills a page;
# 10,100 rows cost about 4 ms); an area too sparse for that falls back to the GiST plan in the same
# statement, and holds few enough events for that plan to be cheap. With 40, a 50 km circle holding
# 2.5% of the events missed by one row and paid 180 ms for the fallback.
WALK_ROWS_PER_ROW = 100
EARTH_RADIUS_M = 6378168.0  # earthdistance's earth()
_M_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180  # one degree of latitude


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres on earthdistance's sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def _circle_box(lat: float, lon: float, metres: float) -> tuple[float, float]:
    """Half the height and width in degrees of a box that holds the circle of ``metres`` around
    (lat, lon), with a margin (1% and 0.01 degree): a point outside it is farther than ``metres``.
    The width is 360 when the circle reaches a pole."""
    dlat = metres / _M_PER_DEGREE * 1.01 + 0.01
    cos_lat = math.cos(math.radians(min(89.9, abs(lat) + dlat)))
    return dlat, dlat / cos_lat if cos_lat > 0 else 360.0


def _walk_conditions(q: EventQuery, p: _Params, t: str) -> list[str]:
    """The bbox / radius test on the columns of ``t``, a row already read, without the GiST index:
    plain comparisons, then the exact distance for a radius."""
    conds = [f"{t}.latitude IS NOT NULL", f"{t}.longitude IS NOT NULL"]
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        conds.append(f"{t}.latitude BETWEEN {p.add(min_lat)} AND {p.add(max_lat)}")
        if min_lon <= max_lon:
            conds.append(f"{t}.longitude BETWEEN {p.add(min_lon)} AND {p.add(max_lon)}")
        else:
            conds.append(f"({t}.longitude >= {p.add(min_lon)} OR {t}.longitude <= {p.add(max_lon)})")
    if q.radius:
        lat, lon, metres = q.radius
        dlat, dlon = _circle_box(lat, lon, metres)
        conds.append(f"{t}.latitude BETWEEN {p.add(lat - dlat)} AND {p.add(lat + dlat)}")
        if abs(lat) + dlat < 89.0 and dlon < 170.0 and lon - dlon >= -180.0 and lon + dlon <= 180.0:
            conds.append(f"{t}.longitude BETWEEN {p.add(lon - dlon)} AND {p.add(lon + dlon)}")
        conds.append(
            f"earth_distance(ll_to_earth({p.add(lat)}, {p.add(lon)}), ll_to_earth({t}.latitude, {t}.longitude))"
            f" <= {p.add(metres)}"
        )
    return conds


_NEWEST_FIRST = "ORDER BY event.event_date DESC, event.id DESC"


def _where(conds: list[str]) -> str:
    return " WHERE " + " AND ".join(conds) if conds else ""


def _spatial_page(q: EventQuery, p: _Params, limit: int) -> str:
    """Events in q's box or circle, newest first: the date-ordered walk when it fills the page, else
    the GiST-indexed plan (evaluated only then: its gate is a one-time filter)."""
    recent = (
        f"SELECT event.* FROM event{_where(_conditions(q, p, None, spatial=False))} {_NEWEST_FIRST}"
        f" LIMIT {_limit(limit * WALK_ROWS_PER_ROW)}"
    )
    page_limit = _limit(limit)
    walk = (
        f"SELECT recent.* FROM ({recent}) AS recent{_where(_walk_conditions(q, p, 'recent'))}"
        f" ORDER BY recent.event_date DESC, recent.id DESC LIMIT {page_limit}"
    )
    indexed = f"SELECT event.* FROM event{_where(_conditions(q, p, None))} {_NEWEST_FIRST} LIMIT {page_limit}"
    found = "(SELECT count(*) FROM walk)"
    return (
        f"WITH walk AS ({walk}) SELECT walk.* FROM walk WHERE {found} >= {page_limit}"
        f" UNION ALL SELECT indexed.* FROM ({indexed}) AS indexed WHERE {found} < {page_limit}"
    )


# Mid-density areas (a few thousand events: too sparse for the walk to fill a page, too many for
# the GiST plan, which fetches and sorts them all: 10-110 ms at 1M) are read cell by cell through
# ``ix_event_grid_cell_date`` (migration 0007: a 0.25-degree grid cell, then the date): each cell the
# area touches gives its newest page through an ordered index scan, and the page is the newest of
# those. Only the cells on the area's edge test each row; a cell inside it takes its rows as they
# are, which also keeps the planner's row estimates right. Areas over more than MAX_GRID_CELLS cells
# keep the walk and the GiST plan.
GRID_CELLS_PER_DEGREE = 4
MAX_GRID_CELLS = 48
_INSIDE_MARGIN_M = 500.0  # a cell this far inside (outside) the circle is inside (outside) it


def _grid_cells(q: EventQuery) -> list[tuple[int, bool]] | None:
    """``(cell, inside)`` for the grid cells (``GRID_CELL``) q's box or circle touches, ``inside``
    when the whole cell is in the area; None when the area is too large or wraps around the
    antimeridian or a pole."""
    box = q.bbox
    if box and box[0] > box[2]:
        return None
    if q.radius:
        lat, lon, metres = q.radius
        dlat, dlon = _circle_box(lat, lon, metres)
        if abs(lat) + dlat >= 89.0 or lon - dlon < -180.0 or lon + dlon > 180.0:
            return None
        around = (lon - dlon, lat - dlat, lon + dlon, lat + dlat)
        box = (
            around
            if not box
            else (
                max(box[0], around[0]),
                max(box[1], around[1]),
                min(box[2], around[2]),
                min(box[3], around[3]),
            )
        )
    assert box is not None
    min_lon, min_lat, max_lon, max_lat = box
    if min_lon > max_lon or min_lat > max_lat:
        return []
    k = GRID_CELLS_PER_DEGREE
    rows = range(math.floor(min_lat * k), math.floor(max_lat * k) + 1)
    cols = range(math.floor(min_lon * k), math.floor(max_lon * k) + 1)
    if len(rows) * len(cols) > MAX_GRID_CELLS:
        return None
    cells = []
    for r in rows:
        for c in cols:
            if q.radius:  # a corner cell of the circle's box may not reach the circle at all
                lat, lon, metres = q.radius
                nearest = (min(max(lat, r / k), (r + 1) / k), min(max(lon, c / k), (c + 1) / k))
                if haversine_m(lat, lon, *nearest) > metres + _INSIDE_MARGIN_M:
                    continue
            corners = [(r / k, c / k), (r / k, (c + 1) / k), ((r + 1) / k, c / k), ((r + 1) / k, (c + 1) / k)]
            inside = all(
                (not q.bbox or (q.bbox[1] <= la <= q.bbox[3] and q.bbox[0] <= lo <= q.bbox[2]))
                and (
                    not q.radius
                    or haversine_m(q.radius[0], q.radius[1], la, lo) <= q.radius[2] - _INSIDE_MARGIN_M
                )
                for la, lo in corners
            )
            cells.append((r * 2000 + c, inside))
    return cells


def _edge_conditions(q: EventQuery, p: _Params) -> list[str]:
    """The exact place test for a row of a cell on the area's edge. The box test is written as a
    product (``(lat - min) * (max - lat) >= 0`` is ``lat BETWEEN min AND max``, exactly, in floating
    point) so that the planner does not estimate it from the column statistics: those know nothing of
    the cell already chosen, and would make a busy cell look nearly empty (a sort of all its rows
    instead of reading its newest page)."""
    conds = []
    if q.bbox:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        conds.append(f"(event.latitude - {p.add(min_lat)}) * ({p.add(max_lat)} - event.latitude) >= 0")
        conds.append(f"(event.longitude - {p.add(min_lon)}) * ({p.add(max_lon)} - event.longitude) >= 0")
    if q.radius:
        # the circle's box first, in the same product form: a row outside it is dropped by four
        # float operations instead of two ll_to_earth and a distance (a grid is only used where
        # the box neither reaches a pole nor crosses the antimeridian, see _grid_cells)
        lat, lon, metres = q.radius
        dlat, dlon = _circle_box(lat, lon, metres)
        conds.append(f"(event.latitude - {p.add(lat - dlat)}) * ({p.add(lat + dlat)} - event.latitude) >= 0")
        conds.append(f"(event.longitude - {p.add(lon - dlon)}) * ({p.add(lon + dlon)} - event.longitude) >= 0")
        conds.append(
            f"earth_distance(ll_to_earth({p.add(lat)}, {p.add(lon)}), "
            f"ll_to_earth(event.latitude, event.longitude)) <= {p.add(metres)}"
        )
    return conds


def _grid_page(q: EventQuery, p: _Params, cells: list[tuple[int, bool]], limit: int) -> str:
    """Events in q's box or circle newest first: each cell's newest ``limit`` through an ordered
    index scan, then the newest ``limit`` of those.

    Whether a cell is inside the area is a parameter (``$inside OR <edge test>``), not a choice of
    text: the text then depends on the filters and the number of cells only, so asyncpg's statement
    cache and Postgres' plan cache serve every box and circle of that many cells (with the flags in
    the text, the mix's 150 circles were 49 texts, most planned on every request: 1.5-10 ms for 12-36
    cell scans). A custom plan folds ``true OR ...`` away; a generic one tests the flag first."""
    located = ["event.latitude IS NOT NULL", "event.longitude IS NOT NULL"]  # the index's predicate
    shared = _conditions(q, p, None, spatial=False)
    edge = " AND ".join(_edge_conditions(q, p))
    page_limit = _limit(limit)
    branches = " UNION ALL ".join(
        f"(SELECT event.* FROM event"
        f"{_where([f'{GRID_CELL} = {p.add(cell)}', *located, *shared, f'({p.add(inside)} OR ({edge}))'])}"
        f" {_NEWEST_FIRST} LIMIT {page_limit})"
        for cell, inside in cells
    )
    return (
        f"SELECT cells.* FROM ({branches}) AS cells"
        f" ORDER BY cells.event_date DESC, cells.id DESC LIMIT {page_limit}"
    )


# An actor filter matching more actors than this is served by one semi-join instead of one ordered
# scan per actor (a Merge Append of that many index scans costs more than it saves).
MAX_ORDERED_ACTORS = 64


def actor_ids_sql(text_query: str) -> tuple[str, list[Any]]:
    """The statement of ``actor_ids`` and its parameters."""
    p = _Params()
    pattern = p.add(actors_repo.word_prefix_pattern(text_query))
    return f"SELECT actor.id FROM actor WHERE {actors_repo.matches_sql(pattern)} ORDER BY actor.id", p.args


async def actor_ids(session: AsyncSession, text_query: str) -> list[int]:
    """Ids of the actors whose name or alias has a word starting with ``text_query``."""
    sql, args = actor_ids_sql(text_query)
    return [row[0] for row in await fetch(session, sql, *args)]


def _linked_page(q: EventQuery, p: _Params, ids: list[int], limit: int) -> str:
    """The events linked to ``ids`` newest first: for each actor, its links read newest first through
    ``ix_event_actor_actor_id_event_date`` joined to their events and filtered, at most a page; then
    the newest page of those. (Postgres does not merge a plain ``UNION ALL`` of the index scans in
    order: with two actors, one of them with 83k links, it sorted them all, 400-600 ms at 1M.) One
    event may appear once per link."""
    link: list[str] = []
    if q.actor_role:
        link.append(f"ea.role = {p.add(q.actor_role)}")
    if q.date_from:
        link.append(f"ea.event_date >= {p.add(q.date_from)}")
    if q.date_to:
        link.append(f"ea.event_date <= {p.add(q.date_to)}")
    if q.after:
        link.append(
            f"(ea.event_date, ea.event_id) < ({p.add(q.after[0])}::date, {p.add(q.after[1])}::bigint)"
        )
    shared = link + _conditions(q, p, ids, through_links=True)
    # The one page whose limit stays a parameter: with the number in the text, Postgres costs the
    # generic plan of an actor's page above the custom ones (a rare actor's custom plan is cheap)
    # and plans every execution (0 generic plans in 20 runs of the mix's actor requests, against 15
    # with the parameter; docs/performance.md, 2026-11-25).
    page_limit = p.add(limit)
    branches = " UNION ALL ".join(
        f"(SELECT event.* FROM event_actor ea JOIN event ON event.id = ea.event_id"
        f"{_where([f'ea.actor_id = {p.add(i)}', *shared])}"
        f" ORDER BY ea.event_date DESC, ea.event_id DESC LIMIT {page_limit})"
        for i in ids
    )
    return (
        f"SELECT linked.* FROM ({branches}) AS linked"
        f" ORDER BY linked.event_date DESC, linked.id DESC LIMIT {page_limit}"
    )


# The page's columns, in the order of ``EventPublic`` (the service serialises the rows as they come):
# the event's columns, its actor names by role (``; ``-joined in position order) and its source ids.
_ROLE_NAMES = ", ".join(
    f"coalesce(string_agg(a.name, '; ' ORDER BY ea.position) FILTER (WHERE ea.role = '{role}'), '')"
    for role in ROLES
)
def _json_float(column: str) -> str:
    """A float column as JSON written the way pydantic writes it: Postgres prints the shortest exact digits, as
    pydantic does, but an integral value without the ".0" ("12" for 12.0)."""
    return (f"CASE WHEN {column} = trunc({column}) THEN (to_json({column})::text || '.0')::json "
            f"ELSE to_json({column}) END")


def _json_utc(column: str) -> str:
    """A timestamp as JSON written the way pydantic writes an aware UTC datetime ("2023-11-22T08:00:00Z", the
    microseconds only when there are any)."""
    return (f"to_json(replace(to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '.000000', '') "
            "|| 'Z')")


def _page_columns(as_json: bool = False) -> str:
    """The page's columns; ``as_json``: with the floats and timestamps already in their JSON form, so that
    ``row_to_json`` writes each event exactly as ``EventPublic`` serialises (tests/api/test_events.py compares the
    bytes)."""

    def flt(name: str) -> str:
        return f"{_json_float('page.' + name)} AS {name}" if as_json else f"page.{name}"

    def utc(name: str) -> str:
        return f"{_json_utc('page.' + name)} AS {name}" if as_json else f"page.{name}"

    return (
        "page.id, page.event_date, page.time_precision, page.disorder_type, page.event_type, page.sub_event_type, "
        "actors.names[1] AS actor1, actors.names[2] AS assoc_actor_1, page.inter1, "
        "actors.names[3] AS actor2, actors.names[4] AS assoc_actor_2, page.inter2, page.interaction, "
        "page.civilian_targeting, page.country, page.iso3, page.admin1, page.admin2, page.location, "
        f"{flt('latitude')}, {flt('longitude')}, page.geo_precision, page.fatalities, page.injuries, page.notes, "
        f"{flt('confidence')}, sources.ids AS source_ids, cardinality(sources.ids) AS source_count, "
        f"{utc('created_at')}, {utc('updated_at')}"
    )


_PAGE_COLUMNS = _page_columns()
_PAGE_JSON_COLUMNS = _page_columns(as_json=True)
# Evaluated for the page's rows only (the LIMIT is inside ``page``).
_PAGE_LATERALS = (
    f"CROSS JOIN LATERAL (SELECT ARRAY[{_ROLE_NAMES}] AS names FROM event_actor ea "
    "JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = page.id) AS actors "
    "CROSS JOIN LATERAL (SELECT coalesce(array_agg(DISTINCT es.source_id ORDER BY es.source_id), '{}') AS ids "
    "FROM event_source es WHERE es.event_id = page.id) AS sources"
)


def page_sql(q: EventQuery, ids: list[int] | None = None, limit: int | None = None) -> tuple[str, list[Any]]:
    """One statement for a page and its parameters: the events matching ``q`` newest first, each row
    in the shape of ``EventPublic`` (actor names by role, distinct source ids and their count).

    ``ids`` are the actors ``q.actor`` matches (``actor_ids``): with at most ``MAX_ORDERED_ACTORS``
    of them the events are read through their links in page order, so a page costs one page of index
    entries however many events the actors have.
    """
    p = _Params()
    limit = q.limit if limit is None else limit
    if q.actor and ids is not None and 0 < len(ids) <= MAX_ORDERED_ACTORS:
        page = _linked_page(q, p, ids, limit)
    elif (q.bbox or q.radius) and not q.actor:
        cells = _grid_cells(q)
        page = _spatial_page(q, p, limit) if cells is None else _grid_page(q, p, cells, limit)
    else:
        page = (
            f"SELECT event.* FROM event{_where(_conditions(q, p, ids))} {_NEWEST_FIRST} LIMIT {_limit(limit)}"
        )
    # each row: the event's id and date (for the cursor) and the event as the JSON of ``EventPublic``, written by
    # Postgres: the service sends it on as it is (no decoding of 30 typed columns, no dicts, no serialising)
    sql = (
        f"SELECT event.id, event.event_date, row_to_json(event)::text FROM (SELECT {_PAGE_JSON_COLUMNS} "
        f"FROM ({page}) AS page {_PAGE_LATERALS}) AS event ORDER BY event.event_date DESC, event.id DESC"
    )
    return sql, p.args


async def query_page(session: AsyncSession, q: EventQuery) -> list[tuple[int, date, str]]:
    """Events matching ``q`` newest first, at most ``q.limit``, as ``(id, event_date, JSON of EventPublic)`` (see
    ``page_sql``): one statement, two with ``actor``."""
    ids = await actor_ids(session, q.actor) if q.actor else None
    if ids == []:
        return []
    limit = q.limit
    while True:
        sql, args = page_sql(q, ids, limit)
        rows = await fetch(session, sql, *args)
        seen: set[int] = set()
        events: list[tuple[int, date, str]] = []
        for row in rows:  # an event linked to two matching actors (or roles) comes once per link
            if row[0] not in seen:
                seen.add(row[0])
                events.append((row[0], row[1], row[2]))
        if len(events) >= q.limit or len(rows) < limit:
            return events[: q.limit]
        limit *= 2


async def get(session: AsyncSession, event_id: int) -> Event | None:
    return await session.get(Event, event_id)


async def public_of_source(session: AsyncSession, source_id: int) -> list[dict[str, Any]]:
    """The events a source supports, in the order they were stored, as dicts in the shape of
    ``EventPublic`` (the page's columns): one statement."""
    sql = (
        f"SELECT {_PAGE_COLUMNS} FROM (SELECT event.* FROM event WHERE event.id IN "
        "(SELECT es.event_id FROM event_source es WHERE es.source_id = $1)) AS page "
        f"{_PAGE_LATERALS} ORDER BY page.id"
    )
    return [dict(row) for row in await fetch(session, sql, source_id)]


@dataclass
class ActorLink:
    actor_id: int
    name: str
    role: str
    position: int
    inter: int | None


async def actors_of(session: AsyncSession, event_ids: list[int]) -> dict[int, list[ActorLink]]:
    """Each event's actors, in role then position order."""
    if not event_ids:
        return {}
    ea = _EVENT_ACTOR.c
    stmt = (
        select(ea.event_id, ea.role, ea.position, col(Actor.id), col(Actor.name), col(Actor.inter))
        .join(Actor, col(Actor.id) == ea.actor_id)
        .where(ea.event_id.in_(event_ids))
        .order_by(ea.event_id, ea.position)
    )
    out: dict[int, list[ActorLink]] = defaultdict(list)
    for event_id, role, position, actor_id, name, inter in (await run(session, stmt)).all():
        out[event_id].append(ActorLink(actor_id, name, role, position, inter))
    for links in out.values():
        links.sort(key=lambda link: (ROLES.index(link.role), link.position))
    return out


async def source_ids_of(session: AsyncSession, event_ids: list[int]) -> dict[int, list[int]]:
    """Each event's source ids, ascending."""
    if not event_ids:
        return {}
    es = _EVENT_SOURCE.c
    stmt = select(es.event_id, es.source_id).where(es.event_id.in_(event_ids)).distinct()
    out: dict[int, list[int]] = defaultdict(list)
    for event_id, source_id in (await run(session, stmt)).all():
        out[event_id].append(source_id)
    for ids in out.values():
        ids.sort()
    return out


async def sources_with_evidence(
    session: AsyncSession, event_id: int
) -> list[tuple[Source, list[EventSource]]]:
    """The sources of one event, each with its evidence rows (ordered by offset)."""
    stmt = (
        select(Source, EventSource)
        .join(EventSource, col(EventSource.source_id) == col(Source.id))
        .where(col(EventSource.event_id) == event_id)
        .order_by(col(Source.id), col(EventSource.evidence_start))
    )
    grouped: dict[int, tuple[Source, list[EventSource]]] = {}
    for source, link in (await run(session, stmt)).all():
        grouped.setdefault(source.id, (source, []))[1].append(link)
    return list(grouped.values())


async def insert_event(session: AsyncSession, values: dict[str, Any]) -> int:
    """Insert one event row (in the session's transaction, which has begun); its id."""
    columns = ", ".join(values)
    placeholders = ", ".join(f"${i}" for i in range(1, len(values) + 1))
    sql = f"INSERT INTO event ({columns}) VALUES ({placeholders}) RETURNING id"
    return int((await write(session, sql, *values.values()))[0][0])


async def link_actors(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert ``event_actor`` rows (event_id, role, position, actor_id): one round trip."""
    await write_many(
        session,
        "INSERT INTO event_actor (event_id, role, position, actor_id) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT DO NOTHING",
        [(r["event_id"], r["role"], r["position"], r["actor_id"]) for r in rows],
    )


_EVENT_SOURCE_COLUMNS = (
    "event_id",
    "source_id",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "fatalities",
    "injuries",
    "report",
)


async def link_sources(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert ``event_source`` rows (event_id, source_id, evidence_start/end/text, the source's own
    fatalities, injuries and report): one round trip."""
    await write_many(
        session,
        f"INSERT INTO event_source ({', '.join(_EVENT_SOURCE_COLUMNS)}) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT DO NOTHING",
        [
            (
                *(r.get(c) for c in _EVENT_SOURCE_COLUMNS[:-1]),
                None if r.get("report") is None else json.dumps(r["report"]),
            )
            for r in rows
        ],
    )
