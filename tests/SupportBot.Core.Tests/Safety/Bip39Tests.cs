using SupportBot.Core.Safety;

using SupportBot.Core.Codecs;

namespace SupportBot.Core.Tests.Safety;

public class Bip39Tests
{
    [Fact]
    public void The_wordlists_have_2048_words_each_and_the_Chinese_words_are_single_characters()
    {
        Assert.Equal(2048, Bip39Wordlists.English.Distinct().Count());
        Assert.Equal(2048, Bip39Wordlists.Simplified.Distinct().Count());
        Assert.Equal(2048, Bip39Wordlists.Traditional.Distinct().Count());
        Assert.All(Bip39Wordlists.Simplified.Concat(Bip39Wordlists.Traditional), w => Assert.Single(w));
        Assert.Equal("abandon", Bip39Wordlists.English[0]);
        Assert.Equal("zoo", Bip39Wordlists.English[2047]);
    }

    [Fact]
    public void Published_test_vectors_map_entropy_to_their_words_and_pass_the_checksum()
    {
        foreach (var (entropy, words) in SeedPhraseCorpus.PublishedVectors)
        {
            var indices = Bip39.ToIndices(Convert.FromHexString(entropy));
            Assert.Equal(words, indices.Select(i => Bip39Wordlists.English[i]));
            Assert.True(Bip39.IsValid(indices));
        }
    }

    [Fact]
    public void Changing_one_word_breaks_the_checksum_of_a_24_word_phrase()
    {
        var indices = Bip39.ToIndices(Convert.FromHexString(SeedPhraseCorpus.PublishedVectors[6].Entropy));
        indices[5] = (indices[5] + 1) % 2048;
        Assert.False(Bip39.IsValid(indices));
    }

    [Fact]
    public void Only_standard_lengths_are_mnemonics()
    {
        Assert.False(Bip39.IsValid(new int[11]));
        Assert.False(Bip39.IsValid(new int[13]));
        Assert.Throws<ArgumentException>(() => Bip39.ToIndices(new byte[15]));
    }

    [Fact]
    public void Base58_decodes_a_published_WIF_key_with_a_valid_checksum_and_rejects_a_changed_one()
    {
        Span<byte> bytes = stackalloc byte[64];
        Assert.True(Base58.TryDecode("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", bytes, out var length));
        Assert.Equal(37, length);
        Assert.Equal(0x80, bytes[0]);
        Assert.True(Base58.HasValidChecksum(bytes[..length]));
        Assert.True(Base58.TryDecode("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTK", bytes, out length));
        Assert.False(Base58.HasValidChecksum(bytes[..length]));
        Assert.False(Base58.TryDecode("0OIl", bytes, out _));
    }
}
