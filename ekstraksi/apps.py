from django.apps import AppConfig


class EkstraksiConfig(AppConfig):
    name = "ekstraksi"
    verbose_name = "Usulan metadata dari dokumen"
