/** A hint for a non-2xx status, in words a flow builder can act on. */
export function explainStatus(status: number): string | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403)
    return 'The API refused the credentials. Check the Authorization header or API key (a Custom Variable may be empty or expired) and that the key may call this endpoint.';
  if (status === 404) return 'Nothing was found at this path. Check the URL’s path and any ids in it; a variable may have filled in the wrong value.';
  if (status === 405) return 'The API does not accept this method here. Check the Method (GET, POST, …) in the API’s docs.';
  if (status === 415 || status === 422 || status === 400)
    return 'The API did not accept the body. Check the body type (JSON or form) and its fields against the API’s docs; the response body usually says which field is wrong.';
  if (status === 429) return 'The API is rate-limiting you. Wait before testing again; turn on Retry on Failure so calls wait and retry.';
  if (status >= 500)
    return 'The API failed on its side. Try again later; if it keeps failing, contact the API’s provider. Error handling can route callers elsewhere meanwhile.';
  if (status >= 300 && status < 400) return 'The API answered with a redirect that was not followed.';
  return null;
}
