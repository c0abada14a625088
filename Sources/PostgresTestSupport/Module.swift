/// Placeholder until the module lands.
enum PostgresTestSupportModule {}
