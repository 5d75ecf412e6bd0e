"""Public pages of one Satker; included by publicsite.urls under /<satker>/,
so the names live in the publicsite namespace."""

urlpatterns = []
