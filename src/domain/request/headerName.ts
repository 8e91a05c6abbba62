/** An HTTP header name: one or more token characters (RFC 9110 §5.1). Checked in the editor and again by the proxy. */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
