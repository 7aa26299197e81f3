// The start-up floor: the least a native AOT .NET program does before it exits.
Console.WriteLine("hello");
