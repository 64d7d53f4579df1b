/**
 * The AWS stand-ins of the local runtime: S3Proxy (S3), ElasticMQ (SQS) and dynalite (DynamoDB) on 127.0.0.1,
 * started, readied and stopped together by {@link dev.editeval.local.standins.StandIns}, with the S3 to SQS
 * event notification emulated by {@link dev.editeval.local.standins.S3EventNotifier}.
 */
package dev.editeval.local.standins;
