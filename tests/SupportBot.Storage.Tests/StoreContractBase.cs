namespace SupportBot.Storage.Tests;

/// <summary>What every part of the storage contract needs: a fresh, empty store of the provider under test.</summary>
public abstract class StoreContractBase
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store of the provider under test, used by one test only.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();
}
