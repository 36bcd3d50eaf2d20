"""The importing user's rights, asked once per territory (and funder, measure): no query per row.

The same django-rules permissions as the pages and the API; the user's scope is cached on the
user, and territories and measures come with their regions and operators prefetched.
"""

from ..models import Action, FundingLine


class Rights:
    def __init__(self, user):
        self.user = user
        self._memo: dict[tuple, bool] = {}

    def _ask(self, key: tuple, perm: str, make_obj) -> bool:
        answer = self._memo.get(key)
        if answer is None:
            answer = self._memo[key] = self.user.has_perm(perm, make_obj())
        return answer

    def add_action(self, territory) -> bool:
        return self._ask(("add", territory.pk), "actions.add_action", lambda: territory)

    def change_action(self, territory) -> bool:
        key = ("change", territory.pk)
        return self._ask(key, "actions.change_action", lambda: Action(territory=territory))

    def change_line(self, territory) -> bool:
        key = ("plan", territory.pk)
        return self._ask(
            key,
            "actions.change_fundingline",
            lambda: FundingLine(action=Action(territory=territory)),
        )

    def decide_line(self, territory, funder_id, measure) -> bool:
        key = ("decide", territory.pk, funder_id, measure.pk if measure else None)
        return self._ask(
            key,
            "actions.decide_fundingline",
            lambda: FundingLine(
                action=Action(territory=territory), funder_id=funder_id, measure=measure
            ),
        )
