"""Page-side permission checks: the same django-rules permissions the services ask again."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError


class LoginRequired(Exception):
    """Raised for an anonymous visitor on a page that needs an account."""


def require(request, perm: str, obj=None) -> None:
    """Refuse the request unless its user has ``perm`` on ``obj``.

    Anonymous visitors are sent to the login page (see ``login_redirect``); signed-in users
    without the permission get a 403.
    """
    if not request.user.is_authenticated:
        raise LoginRequired
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied("Votre rôle ne vous permet pas cette action.")


def login_redirect(view):
    """Turn ``LoginRequired`` into a redirect to the login page, back here afterwards."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            target = name if name in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def save_or_form_errors(form, write):
    """Run a service call; on refusal show why on the form and return None.

    A ``ValidationError`` lands on its field (or the form), a ``PermissionDenied`` on the form.
    """
    try:
        return write()
    except ValidationError as error:
        add_service_errors(form, error)
    except PermissionDenied as error:
        form.add_error(None, str(error))
    return None
