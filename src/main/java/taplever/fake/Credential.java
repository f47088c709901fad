package taplever.fake;

/**
 * Who a data request authenticated as: the rate-limit bucket it draws from and whether it may read
 * confidential records.
 */
record Credential(String bucket, boolean confidentialAccess) {}
