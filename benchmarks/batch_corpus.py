"""Generated news records for the batch tests and benchmark (invented names, places and events)."""

from __future__ import annotations

import json
import random

FIRST = ("Anna", "Marek", "Lena", "Tomas", "Irene", "Kofi", "Sana", "Pavel", "Greta", "Omar", "Ines", "Ravi")
LAST = ("Berg", "Novak", "Osei", "Lindqvist", "Ferreira", "Halloran", "Demir", "Castell", "Mbeki", "Sato")
PLACES = ("Norrbridge", "Caldera Bay", "Eastholm", "Port Vellin", "Maraton", "Kestrel Falls", "Ulvik")
BODIES = ("the River Authority", "the Harbour Council", "Vellin Transit", "the Regional Assembly", "Ostra Energy")
THINGS = ("bridge", "tunnel", "rail line", "water plant", "ferry terminal", "school", "wind farm")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "March", "May", "June", "September", "November")


def _paragraph(rng: random.Random) -> str:
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, body, thing = rng.choice(PLACES), rng.choice(BODIES), rng.choice(THINGS)
    forms = (
        f"{who}, a spokesperson for {body}, said on {rng.choice(DAYS)} that the new {thing} in {place} "
        f"would open in {rng.choice(MONTHS)} {rng.randint(2026, 2029)}, {rng.randint(2, 9)} months later than planned.",
        f"“We have waited long enough for the {thing},” {who} told reporters in {place}. "
        f"“The work will start before the end of {rng.choice(MONTHS)}.”",
        f"{body} approved a budget of {rng.randint(3, 90)} million for the {thing} last week, "
        f"according to documents seen by the Eastholm Courier.",
        f"Residents of {place} have complained about the {thing} for {rng.randint(2, 12)} years, "
        f"{who} said, adding that the council had ignored them.",
    )
    return rng.choice(forms)


def article(seed: int, paragraphs: int = 6) -> str:
    """An invented article: a title line and `paragraphs` paragraphs."""
    rng = random.Random(seed)
    title = f"{rng.choice(PLACES)} {rng.choice(THINGS)} delayed again"
    return title + "\n\n" + "\n\n".join(_paragraph(rng) for _ in range(paragraphs)) + "\n"


def record(seed: int, paragraphs: int = 6) -> dict[str, object]:
    return {"id": f"r{seed}", "text": article(seed, paragraphs), "date": "2026-03-0" + str(1 + seed % 9)}


def jsonl(seeds: range, paragraphs: int = 6) -> str:
    """JSON lines of generated records."""
    return "".join(json.dumps(record(seed, paragraphs), ensure_ascii=False) + "\n" for seed in seeds)
