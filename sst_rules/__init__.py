"""Pure rules shared by the desktop app and the central store: the vocabulary (enums), who may
read and write what (the authorisation rule), when a consent is in force and which category a
record falls in. No I/O, no ORM, no Qt: both sides import it, so the rule exists once."""
