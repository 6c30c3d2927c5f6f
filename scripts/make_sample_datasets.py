"""Write PLM Studio's own small sample datasets into assets/datasets/ (deterministic, seed 2026).

Every sentence is generated here from hand-written templates and word lists in the style
of children's stories; nothing is copied from another dataset. Run:
``python scripts/make_sample_datasets.py`` (rewrites the files identically).
"""
from __future__ import annotations

import csv
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "assets" / "datasets"
R = random.Random(2026)

NAMES = ["Lily", "Tom", "Mia", "Ben", "Sara", "Max", "Anna", "Leo", "Zoe", "Sam", "Lucy", "Jack", "Emma", "Tim"]
TITLES = ["Mister Brown", "Miss Rose", "Doctor Bell", "Grandma Sue", "Captain Reed", "Aunt May"]
PLACES = ["Oak Town", "the Green Forest", "Blue Lake", "Sunny Hill", "the Old Mill", "Pine Valley",
          "Apple Farm", "the Big Castle", "River Park", "Cloud Mountain"]
ANIMALS = ["a little dog", "a red fox", "a tiny bird", "a fat cat", "a brown bear", "a white rabbit",
           "a green frog", "an old owl"]
THINGS = ["ball", "kite", "cake", "boat", "book", "hat", "drum", "toy car", "flower", "box"]
GOOD = ["happy", "glad", "proud", "excited", "cheerful", "delighted", "joyful", "thrilled"]
BAD = ["sad", "angry", "upset", "scared", "lonely", "grumpy", "miserable", "afraid"]
GOOD_EVENTS = ["found a shiny {t}", "got a new {t} as a gift", "won the race", "made a new friend",
               "baked a sweet {t}", "had the best day ever", "saw a beautiful rainbow", "laughed and played all day"]
BAD_EVENTS = ["lost the {t}", "broke the {t}", "fell down and hurt a knee", "had no one to play with",
              "got lost in the rain", "dropped the {t} in the mud", "had a terrible day", "cried all night"]


def sentiment() -> list[tuple[str, str]]:
    rows = []
    for i in range(320):
        positive = i % 2 == 0
        who = R.choice(NAMES + TITLES)
        feel = R.choice(GOOD if positive else BAD)
        event = R.choice(GOOD_EVENTS if positive else BAD_EVENTS).format(t=R.choice(THINGS))
        pattern = R.randrange(4)
        if pattern == 0:
            text = f"{who} {event} and felt {feel}."
        elif pattern == 1:
            text = f"At {R.choice(PLACES)}, {who} {event}. {who.split()[-1]} was {feel}."
        elif pattern == 2:
            text = f"{who} was {feel} because {who.split()[-1] if ' ' in who else 'she'} {event}."
        else:
            text = f"When {who} {event}, everyone was {feel}."
        rows.append((text, "positive" if positive else "negative"))
    R.shuffle(rows)
    return rows


def nli() -> list[tuple[str, str, str]]:
    rows = []
    for i in range(330):
        who, place, animal, thing = R.choice(NAMES), R.choice(PLACES), R.choice(ANIMALS), R.choice(THINGS)
        premise = R.choice([f"{who} played with {animal} at {place}.",
                            f"{who} carried a {thing} to {place} in the morning.",
                            f"At {place}, {who} met {animal} and gave it a {thing}."])
        label = ["entailment", "neutral", "contradiction"][i % 3]
        if label == "entailment":
            hyp = R.choice([f"{who} was at {place}.", f"{who} was outside.", f"Someone was at {place}."])
        elif label == "neutral":
            hyp = R.choice([f"{who} was very tired.", f"It was {who}'s birthday.", f"{who} had a sister.",
                            f"The weather at {place} was warm."])
        else:
            other = R.choice([p for p in PLACES if p != place])
            hyp = R.choice([f"{who} stayed at home all day.", f"Nobody was at {place}.",
                            f"{who} was at {other} the whole time.", f"{who} was asleep in bed all day."])
        rows.append((premise, hyp, label))
    R.shuffle(rows)
    return rows


def _words(text: str) -> list[str]:
    return text.replace(".", " .").replace(",", " ,").split()


def ner() -> list[dict]:
    rows = []
    for _ in range(320):
        parts: list[tuple[str, str]] = []  # (text, type or "")
        who = R.choice(NAMES + TITLES)
        pattern = R.randrange(4)
        if pattern == 0:
            parts = [(who, "PER"), ("went to", ""), (R.choice(PLACES), "LOC"), ("with", ""),
                     (R.choice(ANIMALS), "ANIMAL"), (".", "")]
        elif pattern == 1:
            parts = [("One day ,", ""), (R.choice(ANIMALS), "ANIMAL"), ("ran to", ""), (who, "PER"),
                     ("near", ""), (R.choice(PLACES), "LOC"), (".", "")]
        elif pattern == 2:
            parts = [(who, "PER"), ("and", ""), (R.choice([n for n in NAMES if n != who]), "PER"), ("lived in", ""),
                     (R.choice(PLACES), "LOC"), (".", "")]
        else:
            parts = [("At", ""), (R.choice(PLACES), "LOC"), (",", ""), (who, "PER"), ("found", ""),
                     (R.choice(ANIMALS), "ANIMAL"), ("under a tree .", "")]
        tokens, tags = [], []
        for text, typ in parts:
            ws = _words(text)
            tokens += ws
            if typ:
                # "the"/"a" inside a place or animal name belong to the entity only for places
                tags += [f"B-{typ}"] + [f"I-{typ}"] * (len(ws) - 1)
            else:
                tags += ["O"] * len(ws)
        rows.append({"tokens": tokens, "tags": tags})
    return rows


def spans() -> list[dict]:
    """Nested entities: a PER phrase "the baker of Oak Town" contains the LOC "Oak Town"."""
    jobs = ["baker", "king", "teacher", "farmer", "queen", "doctor", "painter", "fisher"]
    rows = []
    for _ in range(320):
        tokens: list[str] = []
        out: list[list] = []

        def add(text: str, label: str | None = None) -> tuple[int, int]:
            start = len(tokens)
            tokens.extend(_words(text))
            if label:
                out.append([start, len(tokens) - 1, label])
            return start, len(tokens) - 1

        pattern = R.randrange(3)
        if pattern == 0:
            s, _ = add(f"the {R.choice(jobs)} of")
            _, e = add(R.choice(PLACES), "LOC")
            out.append([s, e, "PER"])
            add("met")
            add(R.choice(NAMES), "PER")
            add(".")
        elif pattern == 1:
            add(R.choice(NAMES), "PER")
            add("visited")
            s, _ = add("the school of")
            _, e = add(R.choice(PLACES), "LOC")
            out.append([s, e, "ORG"])
            add(".")
        else:
            a, b = R.sample(PLACES, 2)
            add(R.choice(TITLES), "PER")
            add("walked from")
            add(a, "LOC")
            add("to")
            add(b, "LOC")
            add(".")
        rows.append({"tokens": tokens, "spans": sorted(out)})
    return rows


def style() -> list[str]:
    """A narrator with a recognisable voice: a pirate telling bedtime stories."""
    openers = ["Arr, gather round, little mates!", "Yo ho, listen close, me hearties!",
               "Ahoy, small sailors!", "Shiver me timbers, what a tale!"]
    middles = ["{w} sailed to {p} on a leaky old boat", "{w} found a chest of shiny {t}s near {p}",
               "{w} sang a sea shanty with {a}", "{w} followed a map to {p}",
               "{w} and {a} dug for treasure at {p}"]
    enders = ["and that be the end of it, savvy?", "and they all ate biscuits by the moon, arr!",
              "so off to yer hammock now, matey!", "and the parrot said: pieces of eight!"]
    lines = []
    for _ in range(300):
        mid = R.choice(middles).format(w=R.choice(NAMES), p=R.choice(PLACES), t=R.choice(THINGS),
                                       a=R.choice(ANIMALS))
        lines.append(f"{R.choice(openers)} {mid}, {R.choice(enders)}")
    return lines


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "sentiment.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows(sentiment())
    with open(OUT / "nli.tsv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["premise", "hypothesis", "label"])
        w.writerows(nli())
    (OUT / "ner.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ner()), encoding="utf-8")
    (OUT / "spans.jsonl").write_text("".join(json.dumps(r) + "\n" for r in spans()), encoding="utf-8")
    (OUT / "pirate_style.txt").write_text("\n".join(style()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
