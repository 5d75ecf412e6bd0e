app_name = "profil"

urlpatterns = []
