"""Hand-built records shared by the tests of the outputs (rows, store)."""

from quotex.records import Mention, Quote

# A resolved quote with every field of the output contract set.
QUOTE = Quote(
    id="q1",
    type="direct",
    text="We will respond",
    start=1,
    end=16,
    speaker="Vladimir Putin",
    speaker_mention=Mention("Putin", 90, 95),
    speaker_entity="e1",
    cue=Mention("said", 96, 100),
    speaker_label="PERSON",
    speaker_rule="name",
    confidence=0.9,
)
