"""Model instances from plain SQL, as the ORM's `select_related(...).only(...)` builds them.

For the topic page's two hottest reads (its topic, its posts with their authors): compiling those
querysets through the ORM took three times as long as PostgreSQL took to run them (bench/README.md,
"Late session"). The statement is written from the models' fields; each value goes through the
converters the ORM applies (JSON decoded; SQLite's dates and booleans), and each instance is what
`Model.from_db` makes, so the rest of the code gets the instances it always got, with the columns
not read deferred as `.only()` defers them.
"""

import psycopg
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import signals
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from psycopg.pq import Format

# The ORM's attributes for plain and foreign-key columns: on a new instance, setting either only stores the value.
_PLAIN_ATTRIBUTES = (DeferredAttribute, ForeignKeyDeferredAttribute)


class Columns:
    """Some of a model's columns under a table alias in a plain-SQL statement, and the instance made of their values."""

    def __init__(self, model, alias, *, only=None, skip=()):
        self.model = model
        self.alias = alias
        self.fields = [f for f in model._meta.concrete_fields if (only is None or f.name in only) and f.name not in skip]
        self.attnames = [f.attname for f in self.fields]
        self._converters = {}  # vendor -> [(position, converters, column expression)]

    def __len__(self):
        return len(self.fields)

    def sql(self):
        quote = connection.ops.quote_name
        return ", ".join(f"{self.alias}.{quote(field.column)}" for field in self.fields)

    def _converters_here(self, db):
        found = self._converters.get(db.vendor)
        if found is None:
            found = []
            for position, field in enumerate(self.fields):
                column = field.get_col(self.alias)
                converters = [*db.ops.get_db_converters(column), *field.get_db_converters(db)]
                if converters:
                    found.append((position, converters, column))
            self._converters[db.vendor] = found
        return found

    def reader(self):
        """A function making `instance(values)` for each row of one statement: the connection and its
        converters looked up once, not per row (the connection is a context-local variable, and reading
        it for each of a topic page's 62 instances was a tenth of building them)."""
        db = connections[DEFAULT_DB_ALIAS]
        converters = self._converters_here(db)
        model, attnames, primary_key_first = self.model, self.attnames, self.fields[0].primary_key
        make = _instance_maker(model, self.fields)

        def instance(values):
            if values[0] is None and primary_key_first:
                return None
            values = list(values)
            for position, field_converters, column in converters:
                value = values[position]
                for converter in field_converters:
                    value = converter(value, column, db)
                values[position] = value
            return make(attnames, values)

        return instance

    def instance(self, values):
        """The model instance of these values (in the order of `sql()`), or None for a LEFT JOIN's missing row."""
        return self.reader()(values)


def _instance_maker(model, fields):
    """`Model.from_db` for these fields, or what it amounts to when nothing but storing the values would
    happen: Model.__init__ walks every field of the model, the deferred ones too, and was most of the
    time taken to build a topic page's 62 instances (17 µs against 2.4 µs a post, bench/README.md).
    That shortcut holds while no init signal listens for the model and each field's attribute is the
    ORM's plain one (_PLAIN_ATTRIBUTES)."""
    plain = all(type(model.__dict__.get(field.attname)) in _PLAIN_ATTRIBUTES for field in fields)
    if not plain or signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model):
        return lambda attnames, values: model.from_db(DEFAULT_DB_ALIAS, attnames, values)

    def make(attnames, values):
        instance = model.__new__(model)
        state = instance._state = ModelState()
        state.adding, state.db = False, DEFAULT_DB_ALIAS
        instance.__dict__.update(zip(attnames, values, strict=True))
        return instance

    return make


def native_datetimes(cursor):
    """Let this cursor (Django's wrapper) read PostgreSQL's `timestamptz` values with psycopg's own C loader.

    Django registers a Python subclass of psycopg's pure-Python loader on every connection, only to give
    each value the connection's time zone; the session's TimeZone is that zone already (Django sets it),
    and for UTC, the zone Django uses with USE_TZ, psycopg's loader gives the same `timezone.utc`
    values. Loading 25 of them was a quarter of a category page's read (bench/README.md, "Session of
    2026-12-04"). Elsewhere (SQLite, another zone) nothing changes."""
    db = cursor.db
    if db.vendor != "postgresql" or db.timezone_name != "UTC":
        return
    oid = psycopg.adapters.types["timestamptz"].oid
    cursor.cursor.adapters.register_loader(oid, psycopg.adapters.get_loader(oid, Format.TEXT))


def set_related(instance, name, related):
    """What select_related(name) leaves on `instance`: the related instance (or None) cached, no query to read it."""
    instance._meta.get_field(name).set_cached_value(instance, related)
