"""The API speaks JSON whatever the client's Accept header says: a browser
or a tool asking for text/html gets the JSON too, not a 406."""

from rest_framework.negotiation import BaseContentNegotiation


class SelaluJson(BaseContentNegotiation):
    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
