"""Who may change the deployments registries (django-rules).

National team: everything. Regional pilot: the deployments whose commune lies in its region.
Operator instructor: the deployments of a measure its operator delivers (Cnam antennas for the
Cnam, VTE for Bpifrance). Everyone else reads (the registries carry no personal data).
"""

import rules

from tipilot.governance.permissions import is_national
from tipilot.governance.scope import user_scope


@rules.predicate
def pilots_deployment_region(user, deployment) -> bool:
    if deployment is None or deployment.commune_id is None:
        return False
    return deployment.commune.region.code in user_scope(user).pilot_regions


@rules.predicate
def operates_deployment_measure(user, deployment) -> bool:
    operators = user_scope(user).operators
    if not operators or deployment is None or deployment.measure_id is None:
        return False
    return any(o.pk in operators for o in deployment.measure.operators.all())


@rules.predicate
def may_register_deployments(user) -> bool:
    """Someone who may add a deployment somewhere (shows the « Ajouter » button)."""
    scope = user_scope(user)
    return bool(scope.national or scope.pilot_regions or scope.operators)


can_change_deployment = is_national | pilots_deployment_region | operates_deployment_measure

rules.add_perm("deployments.change_deployment", can_change_deployment)
rules.add_perm("deployments.add_deployment", can_change_deployment)
rules.add_perm("deployments.register_deployments", may_register_deployments)
