/**
 * How many test requests the proxy runs at once (PROXY_MAX_CONCURRENT overrides it). The pool of
 * connections to any one API is as large: a request queued for a connection would spend its own
 * timeout waiting behind others (64 requests of 3 s with a 10 s timeout and 16 connections gave
 * 16 TIMEOUTs), and on a hosted Switchboard all users testing one API share that pool.
 */
export const DEFAULT_MAX_CONCURRENT = 64;
