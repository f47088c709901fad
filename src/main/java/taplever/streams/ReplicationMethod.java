package taplever.streams;

/** Singer's replication methods that this tap can run. */
public enum ReplicationMethod { FULL_TABLE, INCREMENTAL }
