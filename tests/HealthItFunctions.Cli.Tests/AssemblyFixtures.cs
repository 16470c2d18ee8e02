using HealthItFunctions.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
