#pragma once
// Why this shim exists: curl_easy_setopt and curl_easy_getinfo are variadic, and Swift
// cannot call C variadic functions. Each function here fixes one argument type, so the
// Swift side passes exactly what libcurl reads for that option. Nothing else is wrapped:
// the non-variadic parts of libcurl (curl_easy_init, curl_easy_perform, curl_url_*,
// curl_slist_*) are called from Swift directly.
#include <curl/curl.h>

/// The write and header callback type (CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION).
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

/// curl_global_init(CURL_GLOBAL_DEFAULT): a macro argument Swift does not import.
CURLcode ccurl_global_init(void);

CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_callback(CURL *handle, CURLoption option, ccurl_data_callback value);
CURLcode ccurl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value);
