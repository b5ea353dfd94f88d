#!/usr/bin/env python3
"""Writes N distinct fictional cases for the benchmark, each ready for its
Legal Planning Meeting with the outcome to issue care proceedings, so every
case builds the full LPM pack (PLO summary, chronology, genogram, minutes and
a letter of issue to each parent written to).

    python3 bench/generate.py --count 500 --out /tmp/cases --today 2026-12-01

Every person, place, telephone number and event is invented: names are drawn
from the lists below, telephone numbers from Ofcom's ranges reserved for
drama, email addresses use the reserved .example domain. Cases vary in
family size (1-4 children; 1-3 parents and carers, some living apart, some
in prison, some without parental responsibility), wider family, worries,
chronology length (5-80 entries), support and plan rows, kinship carers,
interventions, options and whether proceedings have been issued yet.

Case i is drawn from its own generator seeded by (seed, i), so the first 50
cases are the same whether 50 or 500 are written. Only the standard library
is used, so the script runs on any Python 3.9 or later.
"""

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

FEMALE = """Abigail Aisha Alice Amara Amber Amelia Anita Asha Beth Bethany Bronwen
Carly Carys Ceri Chantelle Chloe Claire Courtney Danielle Dawn Demi Donna Eden
Eleni Ella Ellie Emily Erin Esme Evie Faith Farah Freya Gemma Georgia Grace
Hannah Harriet Hayley Holly Imogen Isla Ivy Jade Jasmine Jess Joanne Kayleigh
Keeley Kerry-Ann Lacey Laila Lauren Leah Lily Lola Lucy Maddie Maria Maryam
Megan Mia Millie Molly Nadia Naomi Nia Niamh Olivia Orla Paige Phoebe Poppy
Rachel Rhiannon Rosa Rosie Ruby Sadie Samira Sasha Sienna Sophie Stacey Summer
Tanya Tia Tilly Vicky Willow Yasmin Zainab Zara Zoe""".split()

MALE = """Aaron Adam Aiden Ajay Alfie Ali Archie Arlo Ben Blake Bradley Callum
Carl Charlie Connor Craig Daniel Darren Dean Dylan Elliot Ethan Ezra Finley
Freddie Gareth George Harley Harrison Harvey Henry Hugo Ibrahim Isaac Jack
Jacob Jake Jamal Jamie Jason Jayden Joel Jordan Josh Kai Karl Kieran Kyle Leon
Lewis Liam Logan Louie Luca Luke Marcus Mason Max Mohammed Nathan Noah Oakley
Oliver Omar Oscar Owen Reece Reggie Rhys Riley Robbie Ronnie Ryan Sam Scott
Sean Shane Stefan Teddy Theo Toby Tom Tyler Wayne Will Yusuf Zac""".split()

SURNAMES = """Abbott Ahmed Ainsworth Ashby Bailey Barker Beckett Birch Blackwood
Bramley Brennan Bryant Calder Carver Chadwick Cole Conway Crane Crowther Dalton
Davies Denholm Doyle Draper Dunmore Eastwood Elliott Farrow Fenwick Fletcher
Foster Garside Gill Goddard Gray Hadley Haigh Hartley Hawes Heywood Holt Hussain
Ingram Jarvis Kaur Kemp Khan Kirby Lambert Latham Lowe Lynch Malik Marsh Mellor
Moss Murray Naylor Nolan Nowak Okafor Oldham Osei Parry Pearce Penrose Pike
Quinn Radford Rahman Reid Rowley Sandham Shaw Sheridan Singh Slater Stanton
Sutcliffe Tate Thorpe Tierney Varga Wade Walsh Webb Whitfield Wilde Wojcik
Yates""".split()

# Fictional councils and their towns; the postcode areas are made up too.
AUTHORITIES = [
    ("Northmoor Borough Council", "Northmoor", "NM", ["Eastfield", "Hollins", "Westbrook", "Kilnworth"]),
    ("Calderbrook Metropolitan Borough Council", "Calderbrook", "CK", ["Lowther", "Fernside", "Highgate Mill", "Brackley Cross"]),
    ("Ashmere County Council", "Ashmere", "AM", ["Little Ashby", "Saltmarsh", "Corrigan", "Oldbridge"]),
    ("Riverholme City Council", "Riverholme", "RH", ["Quayside", "St Aldhelm's", "Netherby", "Pennyfields"]),
]

STREETS = """Larch Close|Mill Road|Heron Walk|Coldharbour Lane|Ash Grove|Pear Court|
Furnace Row|Station Road|Willow Drive|Chapel Street|Orchard Way|Beacon Rise|
Kestrel Court|Tanner's Lane|Meadow View|Foundry Street|Elm Terrace|Canal Side|
Rowan Crescent|Brook Street|Hawthorn Avenue|Quarry Lane|Linden Place|Cobble Yard""".replace("\n", "").split("|")

PRISONS = [
    ("HMP Ravensmoor", ["Moor Road", "Ravensmoor"]),
    ("HMP Greyfell", ["Fell Lane", "Greyfell"]),
    ("HMP Saltcote", ["Harbour Road", "Saltcote"]),
]

LANGUAGES = ["Polish", "Romanian", "Urdu", "Arabic", "Lithuanian", "Portuguese", "Tigrinya"]

SOLICITOR_FIRMS = [
    "Raman & Cole Family Law", "Okoro Family Solicitors", "Hale & Co Solicitors",
    "Price Family Law", "Bright Lane Solicitors", "Morton Shah LLP", "Greenway Family Law",
]

AGENCIES = [
    "Police", "School", "Health visiting team", "GP", "Children's Services",
    "Northmoor General Hospital", "Housing", "Nursery", "Early help team",
    "Family support worker", "School nurse", "Drug and alcohol service", "Midwifery",
]

# Worries by theme. `{who}` is the children the worry is about: one child's
# name, or "the children" when it is about all of them, because a worry about
# all the children goes into every parent's letter, and must not name a child
# who is not that parent's. `{them}` and `{are}` follow it.
WORRIES = {
    "alone": (
        "{Who} {are} often left at home without an adult to look after {them}.",
        [
            "On {d1} a neighbour found {who} alone at home at 9pm.",
            "On {d2} the police found {who} alone at home late at night.",
            "{Who} told a teacher that no adult was at home the night before.",
        ],
        "An adult who can keep {them} safe must be with {who} at all times.",
    ),
    "school": (
        "{Who} {are} missing a lot of school.",
        [
            "{Who} went to school on 68 out of every 100 school days since September.",
            "{Who} {were} late 17 times in the same weeks.",
            "On {d1} {who} {were} not at school and no one rang in.",
        ],
        "{Who} must go to school every day and on time, unless ill.",
    ),
    "health": (
        "{Who} {are} not getting the health care {they} need.",
        [
            "{Who} missed three appointments at the children's clinic.",
            "{Who} {have} not had the vaccinations due this year.",
            "On {d1} the school nurse saw that a tooth infection had not been treated.",
        ],
        "{Who} must go to every health appointment and get the care {they} need.",
    ),
    "home": (
        "The home is not safe or clean enough for {who}.",
        [
            "On {d1} there was no food in the fridge and the heating was off.",
            "On {d2} there was rubbish and dog mess on the floor where {who} play.",
            "Housing found broken glass in the garden on {d1}.",
        ],
        "The home must be clean and warm, with food in it, every day.",
    ),
    "fighting": (
        "{Who} {have} seen and heard the adults at home fighting.",
        [
            "On {d1} the police were called to shouting and a broken door at home.",
            "{Who} told the school about shouting at home most nights.",
            "On {d2} a neighbour heard a child crying during a row at 1am.",
        ],
        "{Who} must not see or hear adults hurting or frightening each other.",
    ),
    "drink": (
        "The adults caring for {who} are often too drunk or high to look after {them}.",
        [
            "On {d1} the police found an adult asleep and unable to wake while {who} {were} at home.",
            "On {d2} a school worker saw an adult who was drunk at pick-up time.",
            "Tests on {d1} showed drug use in the past month.",
        ],
        "An adult who is sober and alert must care for {who} at all times.",
    ),
    "injury": (
        "{Who} {have} had injuries that no one has explained.",
        [
            "On {d1} a teacher saw bruises on {whose} arm.",
            "On {d2} a doctor found a mark on {whose} back that had not been explained.",
        ],
        "{Who} must be kept safe from harm, and the adults must tell us how {they} got hurt.",
    ),
    "feelings": (
        "{Who} {are} unhappy and worried at home.",
        [
            "{Who} told a teacher that home is scary at night.",
            "On {d1} the school said {who} {were} tearful and would not eat lunch.",
        ],
        "{Who} must feel safe and cared for at home.",
    ),
}

SUPPORT = [
    ("A family support worker who will visit twice a week to help with routines", "{town} Family Hub"),
    ("A parenting course, one morning a week for ten weeks", "{town} Children's Centre"),
    ("Help to plan childcare, including a breakfast club place", "The school and the social worker"),
    ("Support to get health appointments back on track", "The health visiting team"),
    ("Help to budget and claim the benefits the family is owed", "{town} Money Advice"),
    ("Weekly sessions with a drug and alcohol worker", "{town} Recovery Service"),
    ("A safety plan and a domestic abuse support worker", "{town} Women's Aid"),
    ("Help to clean and repair the home", "Housing and the family support worker"),
    ("A school mentor who meets the children each week", "The school"),
]

PLAN = [
    ("Agree who will look after the children whenever a parent is out, and write it down", "A written childcare plan, checked on visits"),
    ("Go to every session of the parenting course", "Attendance record from the children's centre"),
    ("Take the children to school every day, on time", "Weekly attendance report from the school"),
    ("Take the children to every health appointment", "Confirmation from the health visiting team"),
    ("Keep food in the house and the heating on", "Checked on our visits, planned and unplanned"),
    ("Take part in drug and alcohol testing every month", "Test results shared with the social worker"),
    ("Keep the home clean and safe for the children", "Checked on our visits"),
    ("Meet the domestic abuse support worker every week", "Confirmation from the support worker"),
]

EVENTS = [
    ("Referral about missed health appointments", "Health visiting team"),
    ("Home visit: the home was cold and there was little food", "Children's Services"),
    ("School reports poor attendance", "School"),
    ("Police called to a row at the family home", "Police"),
    ("Strategy discussion held", "Children's Services"),
    ("Child protection conference held", "Child protection conference"),
    ("Child in need plan agreed", "Children's Services"),
    ("Core group meeting: little progress on the plan", "Children's Services"),
    ("Missed appointment with the children's clinic", "GP"),
    ("Nursery reports a child arriving hungry", "Nursery"),
    ("Family support worker starts weekly visits", "Family support worker"),
    ("Parent misses a drug and alcohol service appointment", "Drug and alcohol service"),
    ("Housing inspection finds the home unsafe", "Housing"),
    ("Unannounced visit: no adult at home with the children", "Children's Services"),
    ("School nurse sees an untreated infection", "School nurse"),
    ("Family group conference held", "Children's Services"),
    ("Teacher sees bruising and tells the school's safeguarding lead", "School"),
    ("Early help assessment completed", "Early help team"),
]

IMPACTS = [
    "The children were at risk of harm",
    "Health needs were not met",
    "Learning was disrupted",
    "The children were frightened",
    "Basic care was not given",
    None, None,
]

INTERVENTIONS = [
    ("Early help with a family support worker", "Routines improved for a few weeks but did not last."),
    ("A child in need plan", "The worries came back when visits became less often."),
    ("A child protection plan", "The children were harmed again while the plan was in place."),
    ("A parenting course", "The parents went to two sessions out of ten."),
    ("A written agreement about care at night", "The agreement was broken within a month."),
    ("Drug and alcohol support", "Tests still show drug use."),
]


def working_days_after(day, n):
    """`day` plus n weekdays. The generated dates keep clear of bank holidays
    (autumn, before Christmas), so weekdays are working days."""
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def weekday_on_or_before(day):
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def long_date(day):
    return f"{day.day} {day.strftime('%B %Y')}"


class Names:
    """Hands out distinct people's names and ids within one case."""

    def __init__(self, rng):
        self.rng = rng
        self.ids = set()
        self.firsts = set()

    def first(self, gender):
        pool = FEMALE if gender == "female" else MALE
        while True:
            name = self.rng.choice(pool)
            if name not in self.firsts:
                self.firsts.add(name)
                return name

    def person_id(self, first):
        base = first.lower().replace("'", "").replace(" ", "-")
        pid, n = base, 2
        while pid in self.ids:
            pid, n = f"{base}-{n}", n + 1
        self.ids.add(pid)
        return pid


class Phones:
    """Distinct numbers from Ofcom's drama ranges."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def _take(self, fmt):
        while True:
            n = self.rng.randrange(1000)
            if (fmt, n) not in self.used:
                self.used.add((fmt, n))
                return fmt.format(n)

    def mobile(self):
        return self._take("07700 900 {:03d}")

    def landline(self):
        return self._take("01632 960 {:03d}")


def make_case(seed, index, today):
    rng = random.Random(f"casepack-bench:{seed}:{index}")
    names = Names(rng)
    phones = Phones(rng)
    council, town, area, districts = rng.choice(AUTHORITIES)
    domain = town.lower().replace(" ", "") + ".example"
    people = []
    by_id = {}

    def add(person):
        people.append(person)
        by_id[person["id"]] = person
        return person

    def new_person(gender, surname, born=None, **extra):
        first = names.first(gender)
        pid = names.person_id(first)
        p = {"id": pid, "name": f"{first} {surname}", "gender": gender}
        if born is not None:
            p["born"] = born
        p.update(extra)
        return add(p)

    def address():
        district = rng.choice(districts)
        return [
            f"{rng.randrange(1, 120)} {rng.choice(STREETS)}",
            district,
            town,
            f"{area}{rng.randrange(1, 12)} {rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
        ]

    lpm_date = weekday_on_or_before(today - dt.timedelta(days=rng.randrange(3, 58)))

    # The family: a mother, 1-4 children, and 0-2 more parents or carers.
    n_children = rng.choices([1, 2, 3, 4], weights=[30, 35, 22, 13])[0]
    n_parents = rng.choices([1, 2, 3], weights=[20, 55, 25])[0]
    if n_parents == 3 and n_children == 1:
        shape = "mother-father-partner"
    elif n_parents == 3:
        shape = rng.choice(["two-fathers", "mother-father-partner"])
    else:
        shape = {1: "mother", 2: "mother-father"}[n_parents]

    mother_surname = rng.choice(SURNAMES)
    # Old enough to have had her children a year or more apart from 17.
    mother_born = lpm_date - dt.timedelta(days=rng.randrange((19 + 2 * n_children) * 365, 44 * 365))
    mother = new_person("female", mother_surname, mother_born.isoformat(), title=rng.choice(["Ms", "Miss", "Mrs"]))

    fathers = []
    if shape != "mother":
        for _ in range(2 if shape == "two-fathers" else 1):
            surname = rng.choice(SURNAMES)
            born = mother_born - dt.timedelta(days=rng.randrange(-4 * 365, 9 * 365))
            fathers.append(new_person("male", surname, born.isoformat(), title="Mr"))

    # Children, youngest born at least a month before the LPM, eldest at most
    # 16 years; each with a father when there is one.
    newest = lpm_date - dt.timedelta(days=30)
    oldest = max(mother_born + dt.timedelta(days=17 * 365), lpm_date - dt.timedelta(days=16 * 365))
    # Siblings a year or more apart, or twins.
    gaps = [0 if rng.random() < 0.06 else rng.randrange(330, 1600) for _ in range(n_children - 1)]
    span = (newest - oldest).days
    if sum(gaps) > span * 0.9:
        gaps = [int(g * span * 0.9 / sum(gaps)) for g in gaps]
    room = span - sum(gaps)
    births = [newest - dt.timedelta(days=room) + dt.timedelta(days=rng.randrange(room + 1))]
    for gap in gaps:
        births.append(min(births[-1] + dt.timedelta(days=gap), newest))
    children = []
    for i, born in enumerate(births):
        father = None
        if fathers:
            # With two fathers, the older children are the first's, the
            # younger the second's, and each has at least one.
            father = fathers[0] if len(fathers) == 1 or i < max(1, n_children // 2) else fathers[1]
        surname = father["name"].split()[-1] if father and rng.random() < 0.6 else mother_surname
        gender = rng.choice(["female", "male"])
        child = new_person(gender, surname, born.isoformat())
        child["parents"] = [mother["id"]] + ([father["id"]] if father else [])
        children.append(child)
    child_ids = [c["id"] for c in children]

    mother["parental_responsibility"] = list(child_ids)
    mother["address"] = address()
    mother["phone"] = phones.mobile()
    if rng.random() < 0.4:
        mother["email"] = f"{mother['name'].lower().replace(' ', '.')}@mail.example"
    if rng.random() < 0.7:
        mother["solicitor"] = {"name": f"{names.first(rng.choice(['female', 'male']))} {rng.choice(SURNAMES)}",
                               "firm": rng.choice(SOLICITOR_FIRMS), "phone": phones.landline()}
    if rng.random() < 0.15:
        lang = rng.choice(LANGUAGES)
        mother["preferred_language"] = lang
        mother["interpreter"] = lang
    if rng.random() < 0.15:
        mother["advocate"] = True

    households = [{"name": f"{mother['name'].split()[0]}'s home", "members": [mother["id"]]}]
    for father in fathers:
        own = [c["id"] for c in children if father["id"] in c["parents"]]
        status = rng.choices(["separated", "partners", "married", "divorced"], weights=[55, 25, 10, 10])[0]
        partnership = {"with": mother["id"], "status": status}
        if status in ("separated", "divorced") and rng.random() < 0.3:
            partnership["domestic_abuse"] = True
        father["partners"] = [partnership]
        if rng.random() < 0.8:
            father["parental_responsibility"] = own
        else:
            # A father without parental responsibility: the case must say
            # whether it writes to him.
            father["letters"] = rng.random() < 0.6
        in_custody = status in ("separated", "divorced") and rng.random() < 0.15
        if in_custody:
            prison, lines = rng.choice(PRISONS)
            father["custody"] = {
                "establishment": prison,
                "address": lines + [f"{area}{rng.randrange(12, 20)} {rng.randrange(1, 10)}PX"],
                "prisoner_number": f"A{rng.randrange(1000, 9999)}{rng.choice('ABCDEFGH')}{rng.choice('KLMNPRST')}",
                "video_link": rng.random() < 0.7,
            }
            father["note"] = "in prison"
        else:
            father["address"] = address() if status in ("separated", "divorced") else list(mother["address"])
            father["phone"] = phones.mobile()
        if rng.random() < 0.5:
            father["solicitor"] = {"firm": rng.choice(SOLICITOR_FIRMS)}
        if rng.random() < 0.12:
            lang = rng.choice(LANGUAGES)
            father["preferred_language"] = lang
            father["interpreter"] = lang
        if status in ("partners", "married"):
            households[0]["members"].append(father["id"])
        elif not in_custody:
            households.append({"name": f"{father['name'].split()[0]}'s home", "members": [father["id"]]})
            if rng.random() < 0.25 and own:
                # One of his children lives with him.
                households[-1]["members"].append(own[-1])

    if shape == "mother-father-partner":
        partner = new_person("male", rng.choice(SURNAMES), (mother_born + dt.timedelta(days=rng.randrange(-2000, 2000))).isoformat())
        partner["relationship"] = "mother's partner"
        partner["note"] = "lives with the children"
        # He is the mother's partner now; the father (if he lived with her)
        # has moved out.
        for father in fathers:
            father["partners"][0]["status"] = "separated"
            if father["id"] in households[0]["members"]:
                households[0]["members"].remove(father["id"])
                if "custody" not in father:
                    father["address"] = address()
                    households.append({"name": f"{father['name'].split()[0]}'s home", "members": [father["id"]]})
        partner["partners"] = [{"with": mother["id"], "status": "partners"}]
        households[0]["members"].append(partner["id"])
    living_elsewhere = {m for h in households[1:] for m in h["members"]}
    households[0]["members"] += [c for c in child_ids if c not in living_elsewhere]

    # Grandparents, for three generations, and some aunts and uncles.
    relatives = []
    for parent in [mother] + fathers:
        surname = parent["name"].split()[-1]
        parent_born = dt.date.fromisoformat(parent["born"])
        gps = []
        for gender in rng.sample(["female", "male"], rng.choice([1, 2, 2, 2])):
            born = parent_born.year - rng.randrange(18, 36)
            gp = new_person(gender, surname, born)
            if born + 40 < 2025 and rng.random() < 0.12:
                gp["died"] = rng.randrange(max(born + 40, 2005), 2026)
            gps.append(gp)
            relatives.append(gp)
        if len(gps) == 2:
            gps[1]["partners"] = [{"with": gps[0]["id"], "status": rng.choice(["married", "married", "divorced", "separated"])}]
        parent["parents"] = [g["id"] for g in gps]
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            sib = new_person(rng.choice(["female", "male"]), surname,
                             parent_born.year + rng.randrange(-6, 7))
            sib["parents"] = [g["id"] for g in gps]
            relatives.append(sib)
    living = [r for r in relatives if "died" not in r]

    # Professionals.
    def professional(gender, **extra):
        first = names.first(gender)
        surname = rng.choice(SURNAMES)
        p = {"id": names.person_id(first), "name": f"{first} {surname}"}
        p.update(extra)
        p.setdefault("email", f"{first.lower()}.{surname.lower()}@{domain}")
        return add(p)

    sw = professional(rng.choice(["female", "male"]), phone=phones.landline())
    tm = professional(rng.choice(["female", "male"]), phone=phones.landline())
    hos = professional(rng.choice(["female", "male"]), job_title="Head of Service, Safeguarding")
    hos["name"] = "Dr " + hos["name"] if rng.random() < 0.3 else hos["name"]
    legal = professional(rng.choice(["female", "male"]), job_title="Senior Solicitor, Legal Services", phone=phones.landline())

    # Kinship carers put forward.
    kinship = []
    for rel in rng.sample(living, min(len(living), rng.choice([0, 1, 1, 2, 3]))):
        put = lpm_date - dt.timedelta(days=rng.randrange(0, 40))
        entry = {"person": rel["id"], "put_forward_by": rng.choice([mother] + fathers)["id"], "put_forward": put}
        if rng.random() < 0.6:
            started = put + dt.timedelta(days=rng.randrange(1, 10))
            if started <= today:
                stage = {"stage": 1, "assessor": f"{names.first('female')} {rng.choice(SURNAMES)}", "started": started}
                done = started + dt.timedelta(days=rng.randrange(10, 30))
                if done <= today and rng.random() < 0.5:
                    stage["completed"] = done
                    stage["outcome"] = rng.choice(["positive", "negative"])
                entry["assessments"] = [stage]
        rel.setdefault("note", rng.choice(["offered to care for the children", "supportive", "sees the children weekly"]))
        kinship.append(entry)

    # Worries: about all the children, or about one child by name.
    date_pool = [lpm_date - dt.timedelta(days=d) for d in range(7, 120)]
    worries = []
    for theme in rng.sample(sorted(WORRIES), rng.randrange(1, 7)):
        worry, evidence, change = WORRIES[theme]
        if len(children) > 1 and rng.random() < 0.35:
            about = [rng.choice(children)]
        else:
            about = list(children)
        one = len(about) == 1
        first = about[0]["name"].split()[0]
        he = about[0]["gender"] == "male"
        words = {
            "who": first if one else "the children",
            "Who": first if one else "The children",
            "whose": f"{first}'s" if one else "a child's",
            "them": ("him" if he else "her") if one else "them",
            "they": ("he" if he else "she") if one else "they",
            "are": "is" if one else "are",
            "were": "was" if one else "were",
            "have": "has" if one else "have",
        }
        pick = sorted(rng.sample(date_pool, 2))
        words["d1"], words["d2"] = long_date(pick[0]), long_date(pick[1])
        item = {
            "worry": worry.format(**words),
            "evidence": [e.format(**words) for e in rng.sample(evidence, rng.randrange(1, len(evidence) + 1))],
            "must_change": change.format(**words),
        }
        if one and len(children) > 1:
            item["children"] = [about[0]["id"]]
        worries.append(item)

    support = []
    for what, who in rng.sample(SUPPORT, rng.randrange(1, 7)):
        support.append({"what": what, "who": who.format(town=town),
                        "starts": working_days_after(lpm_date, rng.randrange(3, 15))})
    plan = []
    carers = " and ".join(p["name"].split()[0] for p in [mother] + fathers[:1])
    for action, measure in rng.sample(PLAN, rng.randrange(1, 9)):
        plan.append({"action": action, "who": carers,
                     "by": working_days_after(lpm_date, rng.randrange(10, 60)), "measured_by": measure})

    # The chronology: 5-80 events from the eldest child's birth (or up to six
    # years back) to a few days before the LPM, the last within 3 months.
    n_events = rng.randrange(5, 81)
    # For a baby it starts in pregnancy; several events can share a day.
    start = max(births[0] - dt.timedelta(days=240), lpm_date - dt.timedelta(days=6 * 365))
    days = sorted(rng.choices(range((lpm_date - start).days - 3), k=n_events - 1))
    dates = [start + dt.timedelta(days=d) for d in days] + [lpm_date - dt.timedelta(days=rng.randrange(2, 20))]
    dates.sort()
    chronology = []
    significant_ids = []
    for n, day in enumerate(dates):
        event, source = rng.choice(EVENTS)
        entry = {"date": day, "event": event, "source": source}
        impact = rng.choice(IMPACTS)
        if impact:
            entry["impact"] = impact
        if rng.random() < 0.2 or n == len(dates) - 1:
            entry["id"] = f"event-{n + 1}"
            entry["significant"] = True
            entry["significance"] = rng.choice([
                "The worries continued after help was offered",
                "A child was put at risk of serious harm",
                "The plan was not followed",
            ])
            significant_ids.append(entry["id"])
        chronology.append(entry)

    stem = f"c{index:03d}"
    assessment_date = lpm_date - dt.timedelta(days=rng.randrange(5, 60))
    swet_date = lpm_date - dt.timedelta(days=rng.randrange(1, 5))
    attachments = [
        {"path": f"attachments/{stem}-single-assessment.pdf", "title": "Single assessment",
         "kind": "single-assessment", "date": assessment_date, "author": sw["name"]},
        {"path": f"attachments/{stem}-draft-swet.pdf", "title": "Draft social work evidence template",
         "kind": "draft-swet", "date": swet_date, "author": sw["name"]},
    ]

    evidence = [{"what": rng.choice(worries)["evidence"][0], "chronology": cid}
                for cid in significant_ids[: rng.randrange(1, 5)]]
    evidence.append({"what": "The single assessment sets out the harm and its causes.",
                     "attachment": attachments[0]["path"]})
    chosen = rng.sample(INTERVENTIONS, rng.randrange(1, 4))
    interventions = [{"what": w, "when": f"{long_date(lpm_date - dt.timedelta(days=rng.randrange(60, 400)))} to {long_date(lpm_date - dt.timedelta(days=rng.randrange(7, 59)))}",
                      "why_not_enough": why} for w, why in chosen]

    letter_date = working_days_after(lpm_date, 1)
    # Steps done: most of those already due, on or before their deadline, so
    # the caseload report has a few overdue among many done. The deadlines
    # here follow 004 §6f, §9 and App. 3 closely enough to stay in order.
    done = {"outcome-recorded": lpm_date}

    def maybe_done(step, due, when, chance=0.85):
        if due <= today and rng.random() < chance:
            done[step] = when

    maybe_done("papers-to-panel", lpm_date - dt.timedelta(days=7), lpm_date - dt.timedelta(days=rng.randrange(7, 10)), 0.95)
    maybe_done("letter-of-issue", letter_date, letter_date, 0.9)
    maybe_done("minutes-authorised", working_days_after(lpm_date, 4), working_days_after(lpm_date, rng.randrange(2, 5)))
    if "minutes-authorised" in done:
        maybe_done("minutes-on-file", working_days_after(lpm_date, 5), working_days_after(lpm_date, 5), 0.8)
    maybe_done("swet-to-legal", working_days_after(lpm_date, 5), working_days_after(lpm_date, rng.randrange(3, 6)), 0.8)

    proceedings = None
    issued = working_days_after(lpm_date, rng.randrange(6, 10))
    if "swet-to-legal" in done and issued <= today and rng.random() < 0.8:
        proceedings = {
            "issued": issued,
            "court": f"Family Court at {town}",
            "case_number": f"{area}{str(issued.year)[2:]}C{rng.randrange(100, 999):05d}",
        }
        if rng.random() < 0.7:
            proceedings["case_management_hearing"] = working_days_after(issued, rng.randrange(12, 17))
        if "case_management_hearing" in proceedings and rng.random() < 0.6:
            proceedings["advocates_meeting"] = working_days_after(issued, 10)
        cpm_due = working_days_after(issued, 15)
        if "case_management_hearing" in proceedings:
            cpm_due = min(cpm_due, working_days_after(issued, 11))
        maybe_done("care-planning-meeting-one", cpm_due, working_days_after(issued, rng.randrange(5, 11)), 0.7)
        next_day = working_days_after(issued, 1)
        maybe_done("standard-directions", next_day, next_day, 0.9)
        maybe_done("permanence-work-started", next_day, next_day, 0.7)

    firsts = [c["name"].split()[0] for c in children]
    named = firsts[0] if len(firsts) == 1 else ", ".join(firsts[:-1]) + " and " + firsts[-1]
    case = {
        "casepack": 2,
        "reference": f"{area}/CS/{lpm_date.year}/{index:04d}",
        "local_authority": {
            "name": council,
            "service": "Children's Services",
            "team": f"Safeguarding and Family Support Team {rng.randrange(1, 6)}",
            "address": ["Civic Centre", f"{rng.randrange(1, 40)} Market Street", town, f"{area}1 2AB"],
            "phone": phones.landline(),
            "email": f"safeguarding@{domain}",
        },
        "people": people,
        "children": child_ids,
        "households": [h for h in households if len(h["members"]) > 0],
        "professionals": {"social_worker": sw["id"], "team_manager": tm["id"],
                          "head_of_service": hos["id"], "legal_adviser": legal["id"]},
        "lpm_request": {
            "approved": lpm_date - dt.timedelta(days=rng.randrange(3, 12)),
            "rationale": f"{tm['name']}, team manager: the worries about {named} have continued despite the help offered, and the case for care proceedings must now be considered.",
        },
        "lpm": {
            "date": lpm_date,
            "time": rng.choice(["09:30", "10:00", "11:00", "14:00", "15:30"]),
            "chair": hos["name"],
            "purpose": "issue-care-proceedings",
            "outcome": "issue-care-proceedings",
            "attendees": [
                {"name": hos["name"], "role": "Head of Service (chair)"},
                {"name": legal["name"], "role": "Legal adviser"},
                {"name": tm["name"], "role": "Team manager"},
                {"name": sw["name"], "role": "Social worker"},
            ],
        },
        "worries": worries,
        "support": support,
        "plan": plan,
        "letter_of_issue": {
            "date": letter_date,
            "why": "Since our meeting, we have not seen enough change to keep the children safe at home while the court decides.",
        },
        "done": done,
        "chronology": chronology,
        "attachments": attachments,
        "plo_summary": {
            "harm": f"{named} {'is' if len(children) == 1 else 'are'} suffering harm at home and are likely to suffer significant harm if nothing changes. The help offered has not made the home safe.",
            "evidence": evidence,
            "interventions": interventions,
            "options": [
                {"option": "Carry on with the current plan", "for_it": "The parents say they want to work with us.",
                 "against_it": "The worries have continued while the plan was in place."},
                {"option": "Issue care proceedings", "for_it": "The court can decide what keeps the children safe.",
                 "proposed": True},
            ],
            "next_steps": [
                "Letter of issue to each parent the next working day.",
                "Final evidence and care plan to Legal Services within 5 working days.",
            ] + (["Viability assessment of the family put forward."] if kinship else []),
        },
    }
    if proceedings:
        case["proceedings"] = proceedings
    if kinship:
        case["kinship"] = kinship
    written_to = [p["id"] for p in [mother] + fathers if p.get("parental_responsibility") or p.get("letters")]
    shape = {
        "case": stem, "children": len(children), "parents_and_carers": n_parents,
        "households": len(case["households"]), "letters": len(written_to), "people": len(people),
        "worries": len(worries), "chronology": len(chronology), "support": len(support),
        "plan": len(plan), "kinship": len(kinship), "issued": proceedings is not None,
    }
    return stem, case, attachments, shape


# --- writing -----------------------------------------------------------------

# Text written without quotes: nothing YAML could read as another type or
# as syntax.
PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,'()&-]*[A-Za-z0-9.)']\Z|[A-Za-z]\Z")
YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def scalar(value, flow=False):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value  # a date written as text
    # In a flow list `[a, b]` a comma ends the item.
    if PLAIN.match(value) and value.lower() not in YAML_WORDS and not (flow and "," in value):
        return value
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def flow_list(items):
    """`[a, b]` for short lists of scalars, else None."""
    if any(isinstance(x, (dict, list)) for x in items):
        return None
    text = "[" + ", ".join(scalar(x, flow=True) for x in items) + "]"
    return text if len(text) <= 72 else None


def emit(value, indent=0):
    """Block-style YAML for dicts, lists and scalars."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                short = flow_list(item) if isinstance(item, list) else None
                if short:
                    lines.append(f"{pad}{key}: {short}")
                else:
                    lines.append(f"{pad}{key}:")
                    lines.extend(emit(item, indent + 2))
            elif isinstance(item, (dict, list)):
                lines.append(f"{pad}{key}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                lines.append(f"{pad}{key}: {scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                sub = emit(item, indent + 2)
                sub[0] = f"{pad}- " + sub[0].lstrip()
                lines.extend(sub)
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return lines


def pdf(title, lines):
    """A one-page plain PDF 1.4 stand-in for a document written elsewhere."""
    text = ["BT", "/F1 15 Tf", "14 TL", "72 770 Td", f"({title}) Tj", "/F1 11 Tf", "T*", "T*"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({esc}) '")
    text.append("ET")
    stream = "\n".join(text).encode("cp1252", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=500, help="how many cases (default 500)")
    ap.add_argument("--seed", type=int, default=18, help="seed (default 18)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the cases into")
    ap.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 12, 1),
                    help="the date the cases are judged at (default 2026-12-01); every LPM falls in the 8 weeks before it")
    args = ap.parse_args()
    if not 1 <= args.count <= 9999:
        sys.exit("generate.py: --count must be between 1 and 9999")
    (args.out / "attachments").mkdir(parents=True, exist_ok=True)
    header = ("# A fictional family generated by bench/generate.py for the benchmark.\n"
              "# Every name, address, date and telephone number here is invented.\n")
    shapes = []
    for i in range(1, args.count + 1):
        stem, case, attachments, shape = make_case(args.seed, i, args.today)
        shapes.append(shape)
        (args.out / f"{stem}.yaml").write_text(header + "\n".join(emit(case)) + "\n", encoding="utf-8")
        for a in attachments:
            body = [f"Case {case['reference']}. Dated {long_date(a['date'])}, by {a['author']}.",
                    "FICTIONAL - generated for casepack's benchmark; every person in it is invented."]
            (args.out / a["path"]).write_bytes(pdf(a["title"], body))
    # What each case holds, for the benchmark's report.
    (args.out / "shapes.json").write_text(json.dumps(shapes, indent=1) + "\n")
    print(f"wrote {args.count} cases to {args.out} (seed {args.seed}, judged at {args.today})")


if __name__ == "__main__":
    main()
