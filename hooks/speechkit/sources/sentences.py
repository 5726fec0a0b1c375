"""What ends a sentence, for the stages that tell sentences from titles and labels."""

# A unit ending so is a sentence: the speaker's text, not a title, label or watermark.
SENTENCE_ENDS = tuple("。！？；!?;")
