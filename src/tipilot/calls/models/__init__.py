"""Calls for projects (appels à projets, AMI) and the applications they receive.

A call belongs to a measure and an operator; it opens in one or more windows (waves), states
eligibility rules that the code checks, asks questions defined per call (configured by the
national team, without code), and is scored on a grid of criteria. An application goes
draft → submitted → eligible (in instruction) or ineligible → laureate, rejected or
waitlisted; a laureate becomes a fiche action of its territory with its funding line.
"""

from .application import Answer, Application, ApplicationEvent, Submission
from .call import Call, CallWindow, Criterion, Question
from .instruction import Assignment, Opinion, Score

__all__ = [
    "Answer",
    "Application",
    "ApplicationEvent",
    "Assignment",
    "Call",
    "CallWindow",
    "Criterion",
    "Opinion",
    "Question",
    "Score",
    "Submission",
]
