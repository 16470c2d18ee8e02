using HealthItFunctions.Testing;

// One Azurite for the whole assembly: each test class isolates itself with UniqueName().
[assembly: AssemblyFixture(typeof(AzuriteFixture))]
