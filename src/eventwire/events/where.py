"""Where an event happened: a place of the sentence, with country and, for cities, coordinates."""

from __future__ import annotations

from ..gazetteer import lookup_city
from ..records import Location, Place


def locate(place: Place, country_names: set[str]) -> Location:
    """``country_names``: lower-cased names of states, which have no single coordinate."""
    if place.text.lower() in country_names:
        return Location(name=place.name, country=place.country)
    city = lookup_city(place.text, place.country)
    if city is not None:
        return Location(name=place.text, country=place.country or city.country, lat=round(city.lat, 4), lon=round(city.lon, 4))
    return Location(name=place.text, country=place.country)
