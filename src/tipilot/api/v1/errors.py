"""Service errors as API answers: a refused permission is 403, bad input 400 with the
service's field messages, an edit conflict 409."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers, status
from rest_framework.exceptions import APIException

from tipilot.core.errors import EditConflict


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


@contextmanager
def service_errors():
    """Run a service call; Django's PermissionDenied already maps to 403 in DRF."""
    try:
        yield
    except EditConflict as conflict:
        raise Conflict(str(conflict)) from conflict
    except DjangoValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise serializers.ValidationError(detail) from error


def validated(serializer_class, request) -> dict:
    """The request's payload checked by ``serializer_class`` (400 with its messages if not)."""
    payload = serializer_class(data=request.data)
    payload.is_valid(raise_exception=True)
    return dict(payload.validated_data)
