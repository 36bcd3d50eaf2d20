"""Admin helpers shared by the domain apps."""


class ReadOnlyAdminMixin:
    """Data that changes only through services (imports, lifecycles) is read-only here:
    the services keep permissions, history and derived figures right."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
