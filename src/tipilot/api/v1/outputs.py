"""What the API's views share: French view names, file exports (CSV, GeoJSON) and their schemas."""

import csv
import io
import json
from collections.abc import Iterable

from django.http import HttpResponse
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.negotiation import BaseContentNegotiation

BOM = "\ufeff"
GEOJSON = "application/geo+json"


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only viewset whose browsable pages are titled in French from the model's names."""

    def get_view_name(self) -> str:
        meta = self.queryset.model._meta
        name = meta.verbose_name if self.detail else meta.verbose_name_plural
        return str(name)[:1].upper() + str(name)[1:]


class FileNegotiation(BaseContentNegotiation):
    """Files are sent whatever the client accepts; errors (a bad filter) are answered in JSON."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def csv_response(header: list[str], rows: Iterable[list], filename: str) -> HttpResponse:
    """A CSV that Excel opens as is: ``;`` separator, UTF-8 with a byte order mark."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def geojson_response(features: Iterable[tuple[str, dict]]) -> HttpResponse:
    """A FeatureCollection from (stored geometry text, properties) pairs.

    Stored outlines are already GeoJSON geometry text: they are spliced in, not parsed.
    """
    parts = []
    for geometry, properties in features:
        props = json.dumps(properties, ensure_ascii=False)
        parts.append(f'{{"type":"Feature","geometry":{geometry or "null"},"properties":{props}}}')
    body = '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"
    return HttpResponse(body, content_type=GEOJSON)


def feature_collection_schema(name: str, properties: serializers.Serializer):
    """The OpenAPI description of a FeatureCollection whose features carry ``properties``."""
    feature = inline_serializer(
        f"{name}Feature",
        fields={
            "type": serializers.CharField(help_text="Toujours « Feature »"),
            "geometry": serializers.JSONField(
                allow_null=True, help_text="Contour (géométrie GeoJSON), nul s'il est inconnu"
            ),
            "properties": properties,
        },
        many=True,
    )
    return inline_serializer(
        f"{name}FeatureCollection",
        fields={
            "type": serializers.CharField(help_text="Toujours « FeatureCollection »"),
            "features": feature,
        },
    )
