from django.apps import AppConfig


class ProfilConfig(AppConfig):
    name = "profil"
    verbose_name = "Profil satker dan kontak"
