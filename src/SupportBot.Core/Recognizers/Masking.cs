namespace SupportBot.Core.Recognizers;

/// <summary>How emails and phone numbers are shown back: enough to recognize, not enough to harvest.</summary>
public static class Masking
{
    /// <summary>"john@gmail.com" → "j***@gmail.com".</summary>
    public static string Email(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    /// <summary>"+8613800138000" → "+86 138****8000"; "13800138000" → "138****8000".</summary>
    public static string Phone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (phone.StartsWith('+'))
        {
            var cc = PhoneNumbers.CountryCodeLength(phone.AsSpan(1));
            return phone[..(cc + 1)] + " " + National(phone[(cc + 1)..]);
        }

        return National(phone);
    }

    private static string National(string digits)
    {
        var (head, tail) = digits.Length >= 10 ? (3, 4) : digits.Length >= 7 ? (2, 2) : (1, 1);
        var hidden = Math.Max(digits.Length - head - tail, 1);
        return digits[..Math.Min(head, digits.Length)] + new string('*', hidden) +
            digits[Math.Max(digits.Length - tail, head)..];
    }
}
