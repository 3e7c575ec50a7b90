import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
# What loading made (settings, apps, models, middleware: some 125,000 objects) lives as long as the worker:
# out of the collector's reach, a full collection no longer walks it. It took 67 ms about every hundred
# requests of a cache-missed topic page, 0.6 ms a request (bench/README.md, "Session of 2026-12-06").
gc.collect()  # what loading left as garbage is freed first, not frozen for the worker's life
gc.freeze()
