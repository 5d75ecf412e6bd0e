"""The S3 default storage when S3_BUCKET is set (see jdih.penyimpanan).

django-storages' S3Storage plus one thing: a presigned download URL signed
for the address browsers use (S3_ENDPOINT_URL_PUBLIK) when it differs from
the one the nodes reach the bucket at, carrying the filename, content type
and Cache-Control the download view would have sent itself.
"""

import threading

from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PenyimpananS3(S3Storage):
    def __init__(self, **opsi):
        super().__init__(**opsi)
        self._kunci_klien = threading.Lock()
        self._klien_publik = None

    def get_default_settings(self):
        return {**super().get_default_settings(), "endpoint_url_publik": None}

    def __getstate__(self):
        keadaan = super().__getstate__()
        keadaan.pop("_kunci_klien", None)
        keadaan.pop("_klien_publik", None)
        return keadaan

    def __setstate__(self, keadaan):
        super().__setstate__(keadaan)
        self._kunci_klien = threading.Lock()
        self._klien_publik = None

    def _klien_unduhan(self):
        if not self.endpoint_url_publik or self.endpoint_url_publik == self.endpoint_url:
            return self.connection.meta.client
        # The signature covers the host: a URL for browsers must be signed for
        # the browsers' address. Presigning is local, so this client never
        # connects anywhere. boto3 clients are thread-safe; sessions are not,
        # hence the lock around creating it once.
        with self._kunci_klien:
            if self._klien_publik is None:
                self._klien_publik = self._create_session().client(
                    "s3",
                    region_name=self.region_name,
                    endpoint_url=self.endpoint_url_publik,
                    config=self.client_config,
                    verify=self.verify,
                )
            return self._klien_publik

    def url_unduhan(
        self, name: str, *, nama_berkas: str, jenis: str, lampiran: bool, cache_control: str
    ) -> str:
        """A GET URL valid for ``querystring_expire`` seconds (S3_PRESIGN_DETIK)
        whose answer carries this filename, content type and Cache-Control."""
        parameter = {
            "Bucket": self.bucket_name,
            "Key": self._normalize_name(clean_name(name)),
            "ResponseContentDisposition": content_disposition_header(lampiran, nama_berkas),
            "ResponseContentType": jenis,
            "ResponseCacheControl": cache_control,
        }
        return self._klien_unduhan().generate_presigned_url(
            "get_object", Params=parameter, ExpiresIn=self.querystring_expire
        )
