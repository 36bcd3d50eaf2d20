"""``fold``: the one normalisation used for stored search text and typed queries alike."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tipilot.core.text import clean_label, fold

no_database = settings(database=None)  # examples are not kept between runs


@no_database
@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@no_database
@given(st.text())
def test_fold_leaves_no_combining_mark(text):
    assert not any(unicodedata.combining(c) for c in fold(text))


@no_database
@given(st.text())
def test_fold_is_lower_case(text):
    folded = fold(text)
    assert folded == folded.lower()


@no_database
@given(st.text())
def test_fold_has_no_edge_or_double_spaces(text):
    folded = fold(text)
    assert folded == folded.strip()
    assert "  " not in folded


@no_database
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=1))
def test_fold_matches_unaccented_typing(word):
    bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    assert fold(word) == fold(bare)


def test_fold_examples():
    assert fold("Châtellerault") == "chatellerault"
    assert fold("L'Abergement-Clémenciat") == "l abergement clemenciat"
    assert fold("Saint-Martial-le-Vieux ") == "saint martial le vieux"
    assert fold("Magnat-l’Étrange") == "magnat l etrange"
    assert fold("ŒUVRE") == "œuvre"
    assert fold(None) == ""


def test_clean_label_strips_non_breaking_spaces():
    assert clean_label("Monts du Lyonnais\u00a0") == "Monts du Lyonnais"
    assert clean_label(None) == ""
