from django.apps import AppConfig


class PublicsiteConfig(AppConfig):
    name = "publicsite"
    verbose_name = "Portal publik JDIH"
