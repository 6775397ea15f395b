"""The PLACES stage: gazetteer (GeoNames + curated supplement), place tagging and geocoding.

    gaz = Gazetteer.load()
    geo = Geocoder(gaz)
    resolved = geo.resolve(geo.tag(text), ["SOM"])   # [(PlaceMention, Place, geo_precision), ...]

``build_index()`` builds the cached index (``make install``); ``load_geonames_dump(path)`` adds a
GeoNames dump file (``conflict-events gazetteer load FILE``).
"""

from app.extraction.geo.gazetteer import Gazetteer
from app.extraction.geo.geocoder import Geocoder
from app.extraction.geo.index import build_index, cache_dir, load_geonames_dump

__all__ = ["Gazetteer", "Geocoder", "build_index", "cache_dir", "load_geonames_dump"]
