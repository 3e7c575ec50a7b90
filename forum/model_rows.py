"""Model instances from plain SQL, as the ORM's `select_related(...).only(...)` builds them.

For the topic page's two hottest reads (its topic, its posts with their authors): compiling those
querysets through the ORM took three times as long as PostgreSQL took to run them (bench/README.md,
"Late session"). The statement is written from the models' fields; each value goes through the
converters the ORM applies (JSON decoded; SQLite's dates and booleans), and each instance is made
with `Model.from_db`, so the rest of the code gets the instances it always got, with the columns
not read deferred as `.only()` defers them.
"""

from django.db import DEFAULT_DB_ALIAS, connection, connections


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

        def instance(values):
            if values[0] is None and primary_key_first:
                return None
            values = list(values)
            for position, field_converters, column in converters:
                value = values[position]
                for converter in field_converters:
                    value = converter(value, column, db)
                values[position] = value
            return model.from_db(DEFAULT_DB_ALIAS, attnames, values)

        return instance

    def instance(self, values):
        """The model instance of these values (in the order of `sql()`), or None for a LEFT JOIN's missing row."""
        return self.reader()(values)


def set_related(instance, name, related):
    """What select_related(name) leaves on `instance`: the related instance (or None) cached, no query to read it."""
    instance._meta.get_field(name).set_cached_value(instance, related)
