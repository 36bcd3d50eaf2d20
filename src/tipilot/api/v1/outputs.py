"""CSV and GeoJSON outputs shared by the API's exports."""

import csv
import io
import json

from django.http import HttpResponse

BOM = "\ufeff"


def csv_response(header: list[str], rows, filename: str) -> HttpResponse:
    """A CSV that Excel opens as is: ``;`` separator, UTF-8 with a byte order mark."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def geojson_response(features) -> HttpResponse:
    """A FeatureCollection from (stored geometry text, properties) pairs.

    Stored outlines are already GeoJSON geometry text: they are spliced in, not parsed.
    """
    parts = []
    for geometry, properties in features:
        props = json.dumps(properties, ensure_ascii=False)
        parts.append(f'{{"type":"Feature","geometry":{geometry or "null"},"properties":{props}}}')
    body = '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"
    return HttpResponse(body, content_type="application/geo+json")
