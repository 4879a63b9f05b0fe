"""A synthetic student with guardians: Swedish names from Faker's sv_SE locale and identity
numbers in the valid format from a reserved synthetic serial range."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sst_desktop.casework import student_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.models.rules.personal_id import synthetic_personal_id
from sst_rules.enums import Gender


@dataclass(frozen=True)
class DemoFamily:
    student_id: str
    guardian_ids: tuple[str, ...]
    school_year: int


def birth_date_for(school_year: int, today: date, rng: random.Random) -> date:
    """A child in year N turns N + 6 in the calendar year the school year starts."""
    start_year = today.year if today.month >= 8 else today.year - 1
    return date(start_year - school_year - 6, 1, 1) + timedelta(days=rng.randrange(365))


def create_family(
    ctx: ServiceContext,
    fake: Any,
    rng: random.Random,
    *,
    school_id: str,
    school_year: int,
    serial: int,
) -> DemoFamily:
    gender = rng.choices(list(Gender), weights=(48, 48, 4))[0]
    first = fake.first_name_female() if gender == Gender.GIRL else fake.first_name_male()
    last = fake.last_name()
    birth = birth_date_for(school_year, ctx.clock.today(), rng)
    student_id = student_service.register_student(
        ctx,
        student_service.StudentInput(
            first_name=first,
            last_name=last,
            gender=gender,
            personal_id=synthetic_personal_id(birth, serial) if rng.random() < 0.9 else None,
            birth_date=birth,
            school_id=school_id,
            school_year=school_year,
            protected_identity=rng.random() < 0.03,
            address=f"{fake.street_address()}, {fake.postcode()} {fake.city()}",
            phone=fake.phone_number(),
            language=rng.choice(("svenska",) * 6 + ("arabiska", "somaliska")),
        ),
    )
    guardians = []
    for index in range(rng.choice((1, 2, 2, 2))):
        guardian_first = fake.first_name_female() if index == 0 else fake.first_name_male()
        guardians.append(
            student_service.add_guardian(
                ctx,
                student_id,
                student_service.GuardianInput(
                    name=f"{guardian_first} {last}",
                    relation="förälder",
                    phone=fake.phone_number(),
                    email=fake.email(),
                    needs_interpreter=rng.random() < 0.1,
                ),
            )
        )
    return DemoFamily(student_id, tuple(guardians), school_year)
