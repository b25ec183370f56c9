"""Timeline: time expressions tagged and normalised to TimeML values.

`extract_timeline(document, parsed, entities)` tags every date, time,
duration and set, resolves relative ones against the article's date and
sorts them; `find_timexes(text, dct)` is the same tagger over plain text.
"""

from reader.analysis.timeline.extract import article_date, extract_timeline, period_start, sort_key
from reader.analysis.timeline.labels import label_for
from reader.analysis.timeline.tagger import Timex, TimexTagger, find_timexes

__all__ = ["article_date", "extract_timeline", "find_timexes", "label_for", "period_start", "sort_key", "Timex", "TimexTagger"]
